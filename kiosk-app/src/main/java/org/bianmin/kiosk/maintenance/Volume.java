package org.bianmin.kiosk.maintenance;

import java.nio.file.Path;

/**
 * A removable volume the technician can save a bundle to, e.g. a USB stick.
 *
 * @param freeBytes space left on it
 */
public record Volume(Path path, long freeBytes) {}
