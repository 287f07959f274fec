package org.bianmin.device.printer;

import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * How one print request ended, and whether the caller may try again with the same key.
 *
 * @param key       the idempotency key of the request
 * @param outcome   printed, refused before any byte, failed after bytes, or unknown
 * @param error     why it did not print; {@link DeviceError#ALREADY_PRINTED} when an earlier request
 *                  with this key printed; null when this request printed
 * @param detail    one line for the technician
 * @param bytesSent bytes of this job that went to the printer (over all attempts with this key)
 * @param repeated  true when the outcome is the one recorded for an earlier request with this key
 */
public record PrintResult(String key, Outcome outcome, DeviceError error, String detail, long bytesSent, boolean repeated) {

    public enum Outcome {
        /** Every byte went out and the printer reported no problem afterwards. */
        PRINTED,
        /** Nothing was sent (printer not ready, link down, bad receipt); the same key may be retried. */
        REFUSED,
        /** Bytes were sent, then something went wrong: the receipt may be partial. Never re-sent; use a new key. */
        FAILED,
        /** The job was being sent when the kiosk stopped; its end is not known. Never re-sent; use a new key. */
        UNKNOWN
    }

    public boolean printed() {
        return outcome == Outcome.PRINTED;
    }

    /** Only a refused job can be sent again under the same key. */
    public boolean mayRetryWithSameKey() {
        return outcome == Outcome.REFUSED;
    }

    /** The failure as a typed exception, for callers that prefer to throw; null when printed. */
    public DeviceException toException() {
        return printed() ? null : new DeviceException(error, detail);
    }

    @Override
    public String toString() {
        return "PrintResult[" + key + " " + outcome + (error == null ? "" : " " + error.code() + " " + error)
                + (repeated ? " (recorded earlier)" : "") + ", " + bytesSent + " B: " + detail + "]";
    }
}
