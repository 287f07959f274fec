package org.bianmin.device.link;

import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/** A byte transport failed: port missing, permission denied, I/O error, closed, or a timeout. */
public class LinkException extends DeviceException {
    public LinkException(DeviceError error, String detail) {
        super(error, detail);
    }

    public LinkException(DeviceError error, String detail, Throwable cause) {
        super(error, detail, cause);
    }
}
