package org.bianmin.device.scanner;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out which command protocol a scanner on a port speaks, for {@code diag probe}: sends a GM65
 * baud-rate read, then a Newland scan-mode query (both change nothing) and reports which one answered.
 */
public final class ScannerProbe {
    private static final Logger log = LoggerFactory.getLogger(ScannerProbe.class);

    private ScannerProbe() {}

    /**
     * Sends the two queries on {@code link}, waiting up to {@code timeout} for each answer. Empty when
     * neither answered: a scanner in continuous mode, the wrong baud rate, or no scanner at all.
     *
     * @throws LinkException when the link itself fails (unplugged, closed)
     */
    public static Optional<TriggerProtocol> identify(SerialLink link, Duration timeout) throws LinkException {
        link.discardInput();
        if (answered(link, TriggerProtocol.GM65, Gm65Codec.encode(Gm65Codec.queryBaud(), true), timeout)) {
            return Optional.of(TriggerProtocol.GM65);
        }
        if (answered(link, TriggerProtocol.NEWLAND, NewlandCodec.encode(NewlandCodec.queryScanMode()), timeout)) {
            return Optional.of(TriggerProtocol.NEWLAND);
        }
        log.info("{}: neither a GM65 nor a Newland query was answered within {} ms", link.name(), timeout.toMillis());
        return Optional.empty();
    }

    private static boolean answered(SerialLink link, TriggerProtocol protocol, byte[] query, Duration timeout) throws LinkException {
        link.write(query);
        byte[] buf = new byte[1024];
        int size = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (size == buf.length) {
                // a scanner streaming codes: keep the newest half, where a reply would be
                System.arraycopy(buf, buf.length / 2, buf, 0, buf.length / 2);
                size = buf.length / 2;
            }
            size += link.read(buf, size, buf.length - size, Duration.ofNanos(left));
            if (containsReply(protocol, buf, size)) {
                link.exchangeAnswered();
                log.info("{}: a {} scanner answered", link.name(), protocol);
                return true;
            }
        }
        return false;
    }

    /** Whether a well-formed reply of the protocol (accepted or refused) starts anywhere in {@code buf}. */
    static boolean containsReply(TriggerProtocol protocol, byte[] buf, int size) {
        for (int i = 0; i < size; i++) {
            if (buf[i] != 0x02) {
                continue;
            }
            byte[] rest = Arrays.copyOfRange(buf, i, size);
            int n = protocol.replyLength(rest, rest.length);
            if (n > 0) {
                try {
                    byte[] frame = Arrays.copyOf(rest, n);
                    if (protocol == TriggerProtocol.GM65) {
                        Gm65Codec.decodeReply(frame);
                    } else {
                        NewlandCodec.decodeReply(frame);
                    }
                    return true;
                } catch (DeviceException e) {
                    log.debug("not a {} reply: {}", protocol, e.technicianLine());
                }
            }
        }
        return false;
    }
}
