package org.bianmin.device;

/**
 * A device operation failed in a way the caller can name: the {@link DeviceError} says which, the
 * message gives the technician's detail (never personal data).
 */
public class DeviceException extends Exception {
    private final DeviceError error;

    public DeviceException(DeviceError error, String detail) {
        super(detail);
        this.error = error;
    }

    public DeviceException(DeviceError error, String detail, Throwable cause) {
        super(detail, cause);
        this.error = error;
    }

    public DeviceError error() {
        return error;
    }

    /** One line for a technician: code, error name and detail. */
    public String technicianLine() {
        return error.code() + " " + error.name() + ": " + getMessage();
    }
}
