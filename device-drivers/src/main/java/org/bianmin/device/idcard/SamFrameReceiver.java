package org.bianmin.device.idcard;

import java.util.Arrays;
import java.util.Optional;
import org.bianmin.device.DeviceError;

/**
 * The three-state SAM_V receiver: hunt for the preamble {@code AA AA AA 96 69}, read the 2-byte
 * length, read that many bytes and verify the XOR checksum. Bytes are pushed one at a time; it never
 * throws and never blocks, so line noise before a frame is simply skipped.
 */
public final class SamFrameReceiver {

    /** What a pushed byte completed. */
    public sealed interface Result {}

    /** A whole frame, preamble to checksum, with a correct checksum. */
    public record Frame(byte[] bytes) implements Result {
        public Frame {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && Arrays.equals(f.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Frame[" + bytes.length + " bytes]";
        }
    }

    /** A frame that was dropped: {@link DeviceError#BAD_LENGTH} or {@link DeviceError#CHECKSUM}. */
    public record Rejected(DeviceError error, String detail) implements Result {}

    private enum State { HUNT, LENGTH, BODY }

    private final int minLength;
    private final int maxLength;
    private State state = State.HUNT;
    private int matched;
    private byte[] frame = new byte[0];
    private int filled;

    private SamFrameReceiver(int minLength, int maxLength) {
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** A receiver for module → host replies (Len at least 4). */
    public static SamFrameReceiver forReplies() {
        return new SamFrameReceiver(SamCodec.MIN_REPLY_LENGTH, SamCodec.MAX_LENGTH);
    }

    /** A receiver for host → module requests (Len at least 3). */
    public static SamFrameReceiver forRequests() {
        return new SamFrameReceiver(SamCodec.MIN_REQUEST_LENGTH, SamCodec.MAX_LENGTH);
    }

    /** True between a complete preamble and the end of its frame; used for inter-byte timeouts. */
    public boolean inFrame() {
        return state != State.HUNT || matched > 0;
    }

    /** Forgets a partial frame (after an inter-byte timeout) and hunts again. */
    public void reset() {
        state = State.HUNT;
        matched = 0;
        filled = 0;
    }

    public Optional<Result> push(byte b) {
        switch (state) {
            case HUNT -> hunt(b);
            case LENGTH -> {
                frame[filled++] = b;
                if (filled == SamCodec.HEADER) {
                    int len = SamCodec.lengthField(frame[5], frame[6]);
                    if (len < minLength || len > maxLength) {
                        reset();
                        return Optional.of(new Rejected(DeviceError.BAD_LENGTH, "length field " + len
                                + " is outside " + minLength + ".." + maxLength + "; frame dropped"));
                    }
                    byte[] grown = new byte[SamCodec.HEADER + len];
                    System.arraycopy(frame, 0, grown, 0, SamCodec.HEADER);
                    frame = grown;
                    state = State.BODY;
                }
            }
            case BODY -> {
                frame[filled++] = b;
                if (filled == frame.length) {
                    reset();
                    byte expected = SamCodec.checksum(frame, 5, frame.length - 1);
                    if (expected != frame[frame.length - 1]) {
                        return Optional.of(new Rejected(DeviceError.CHECKSUM, String.format(
                                "checksum %02X but the bytes XOR to %02X; frame of %d bytes dropped",
                                frame[frame.length - 1] & 0xFF, expected & 0xFF, frame.length)));
                    }
                    return Optional.of(new Frame(frame));
                }
            }
        }
        return Optional.empty();
    }

    private void hunt(byte b) {
        if (b == SamCodec.PREAMBLE[matched]) {
            matched++;
        } else if (b == (byte) 0xAA) {
            // AA AA AA AA: the last three still start a preamble; AA AA AA 96 AA: the last one does
            matched = matched == 3 ? 3 : 1;
        } else {
            matched = 0;
        }
        if (matched == SamCodec.PREAMBLE.length) {
            frame = new byte[SamCodec.HEADER];
            System.arraycopy(SamCodec.PREAMBLE, 0, frame, 0, SamCodec.PREAMBLE.length);
            filled = SamCodec.PREAMBLE.length;
            matched = 0;
            state = State.LENGTH;
        }
    }
}
