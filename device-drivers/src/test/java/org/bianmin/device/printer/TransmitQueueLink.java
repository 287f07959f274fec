package org.bianmin.device.printer;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.bianmin.device.link.ForwardingLink;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.PacedLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;

/**
 * The host end of a serial line as the OS offers it: a write returns at once and its bytes leave
 * behind it at the baud rate, so a status request can wait behind bytes the host thinks it has sent.
 */
final class TransmitQueueLink extends ForwardingLink {
    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Thread sender;

    TransmitQueueLink(SerialLink inner, SerialSettings line) {
        super(inner);
        PacedLink paced = new PacedLink(inner, line);
        this.sender = Thread.ofVirtual().name("tx-queue " + inner.name()).start(() -> {
            try {
                while (true) {
                    paced.write(queue.take());
                }
            } catch (InterruptedException | LinkException e) {
                // the link was closed: what is still queued never leaves, as on a real port
            }
        });
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        queue.add(Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public void close() {
        sender.interrupt();
        inner.close();
    }
}
