package org.bianmin.kiosk.fleet;

/** Where the kiosk sends what became of each desired configuration: the fleet service, over HTTP in the app. */
@FunctionalInterface
public interface ConfigReporter {

    /** Takes one report; must not block an apply for long (queue it when the backend is away). */
    void report(ReportedConfig report);
}
