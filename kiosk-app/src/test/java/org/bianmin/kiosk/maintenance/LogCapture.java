package org.bianmin.kiosk.maintenance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of every logger, at every level, while it is open: to read the audit and to search for secrets. */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level before = root.getLevel();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    LogCapture() {
        events.start();
        root.addAppender(events);
        root.setLevel(Level.ALL);
    }

    /** Each event as it would be written: logger, level, message with its arguments, and any exception's text. */
    List<String> lines() {
        synchronized (events) {
            return events.list.stream().map(e -> e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        }
    }

    List<String> audit() {
        return lines().stream().filter(l -> l.startsWith(MaintenanceAudit.LOGGER + " ")).toList();
    }

    @Override
    public void close() {
        root.detachAppender(events);
        root.setLevel(before);
    }
}
