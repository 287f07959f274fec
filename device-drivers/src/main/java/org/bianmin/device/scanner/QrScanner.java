package org.bianmin.device.scanner;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.Device;

/**
 * The QR/barcode scanner as the kiosk app sees it: codes arrive as {@link CodeScanned} events while
 * enabled, and {@link #scanOnce} asks for exactly one code.
 */
public interface QrScanner extends Device {

    /**
     * Triggers the scanner if it has a host trigger, waits for one code, then stops the trigger. Fails
     * with {@code NO_CODE} when no code came within {@code timeout}, {@code TIMEOUT} when the scanner did
     * not answer the trigger. The code is also delivered as a {@link CodeScanned} event.
     */
    CompletableFuture<ScannedCode> scanOnce(Duration timeout);

    /** Whether the host can talk to the scanner (trigger, query); false for scanners in continuous mode. */
    boolean hasCommandChannel();
}
