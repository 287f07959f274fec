package org.bianmin.device.idcard;

import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.device.link.ForwardingLink;
import org.bianmin.device.link.SerialLink;

/** A link that counts what the driver tells the watchdog: unanswered and answered exchanges. */
final class WatchedLink extends ForwardingLink {
    final AtomicInteger timedOut = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();

    WatchedLink(SerialLink inner) {
        super(inner);
    }

    @Override
    public void exchangeTimedOut() {
        timedOut.incrementAndGet();
    }

    @Override
    public void exchangeAnswered() {
        answered.incrementAndGet();
    }
}
