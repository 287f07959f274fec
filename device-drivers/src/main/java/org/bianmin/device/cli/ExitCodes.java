package org.bianmin.device.cli;

import org.bianmin.device.DeviceError;

/**
 * Exit codes of the technician commands, so scripts can tell a wrong port from a device that
 * answered with a fault: 0 as expected, 1 device fault, 2 usage, 3 port or link, 4 no answer.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int DEVICE_FAULT = 1;
    static final int USAGE = 2;
    static final int LINK = 3;
    static final int NO_ANSWER = 4;
    static final int INTERNAL = 70;

    private ExitCodes() {}

    static int of(DeviceError e) {
        return switch (e) {
            case PORT_NOT_FOUND, PERMISSION_DENIED, PORT_BUSY, LINK_IO, DISCONNECTED, BAD_SETTINGS -> LINK;
            case TIMEOUT, NO_CODE -> NO_ANSWER;
            case INTERNAL -> INTERNAL;
            default -> DEVICE_FAULT;
        };
    }
}
