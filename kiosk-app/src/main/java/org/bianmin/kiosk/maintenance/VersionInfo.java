package org.bianmin.kiosk.maintenance;

/**
 * What the technician reads on the versions page and what a diagnostic bundle records.
 *
 * @param app     the kiosk software, e.g. 0.1.0-SNAPSHOT
 * @param config  the configuration's version
 * @param java    the Java runtime, vendor and version
 * @param os      the operating system, version and architecture
 */
public record VersionInfo(String app, int config, String kioskId, String java, String os) {

    /** This process's runtime and system with the given kiosk's software and configuration. */
    public static VersionInfo of(String app, int config, String kioskId) {
        return new VersionInfo(app, config, kioskId, System.getProperty("java.vendor", "") + " " + System.getProperty("java.version", ""),
                System.getProperty("os.name", "") + " " + System.getProperty("os.version", "") + " " + System.getProperty("os.arch", ""));
    }

    /** One line per field, for the bundle. */
    public String text() {
        return "app: " + app + "\nconfig version: " + config + "\nkiosk: " + kioskId + "\njava: " + java + "\nos: " + os + "\n";
    }
}
