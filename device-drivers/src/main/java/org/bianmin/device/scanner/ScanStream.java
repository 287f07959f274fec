package org.bianmin.device.scanner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits what a scanner sends into command replies and codes: bytes that start a reply of the trigger
 * protocol are held until the reply is complete (then it is an {@link ScanItem.Reply}, and a boundary
 * for the code before it) or proves not to be one (then they go to the {@link ScanFramer}).
 *
 * <p>Replies start with STX (0x02), which never survives in a code, so a code is not mistaken for a
 * reply. No I/O and no clock: the driver calls {@link #endOfBurst()} after the idle gap.
 */
public final class ScanStream {
    private final TriggerProtocol protocol;
    private final ScanFramer framer;
    private byte[] candidate = new byte[16];
    private int candidateSize;

    public ScanStream(ScanFormat format, TriggerProtocol protocol) {
        this.protocol = protocol;
        this.framer = new ScanFramer(format);
    }

    /** Whether bytes are waiting for more: part of a code or part of a reply. */
    public boolean hasPartial() {
        return candidateSize > 0 || framer.hasPartial();
    }

    public List<ScanItem> accept(byte[] data, int offset, int length) {
        List<ScanItem> out = new ArrayList<>(1);
        for (int i = 0; i < length; i++) {
            accept(data[offset + i], out);
        }
        return out;
    }

    /** The idle gap passed: a reply still incomplete was no reply; an unfinished code is a code. */
    public List<ScanItem> endOfBurst() {
        List<ScanItem> out = new ArrayList<>(1);
        while (candidateSize > 0) {
            releaseCandidate(out);
        }
        framer.endOfBurst().ifPresent(out::add);
        return out;
    }

    private void accept(byte b, List<ScanItem> out) {
        if (candidateSize == 0) {
            byte[] one = {b};
            if (protocol.replyLength(one, 1) < 0) {
                framer.accept(b).ifPresent(out::add);
                return;
            }
        }
        if (candidateSize == candidate.length) {
            candidate = Arrays.copyOf(candidate, candidate.length * 2);
        }
        candidate[candidateSize++] = b;
        int n = protocol.replyLength(candidate, candidateSize);
        if (n > 0) {
            framer.endOfBurst().ifPresent(out::add);
            out.add(new ScanItem.Reply(Arrays.copyOf(candidate, n)));
            candidateSize = 0;
        } else if (n < 0) {
            releaseCandidate(out);
        }
    }

    /** Not a reply after all: its first byte goes to the framer, the rest is looked at again. */
    private void releaseCandidate(List<ScanItem> out) {
        if (candidateSize == 0) {
            return;
        }
        byte[] held = Arrays.copyOf(candidate, candidateSize);
        candidateSize = 0;
        if (candidate.length > 1024) {
            candidate = new byte[16];
        }
        framer.accept(held[0]).ifPresent(out::add);
        for (int i = 1; i < held.length; i++) {
            accept(held[i], out);
        }
    }
}
