package org.bianmin.device.scanner;

import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;

/** What the scanner's byte stream was cut into: a code, a frame that could not be a code, or a command reply. */
public sealed interface ScanItem {

    /** A good code. */
    record Code(ScannedCode code) implements ScanItem {}

    /** A frame that was dropped, with the typed reason; {@code bytes} is how many bytes were thrown away. */
    record Rejected(DeviceException error, int bytes) implements ScanItem {
        @Override
        public String toString() {
            return "Rejected[" + error.technicianLine() + ", " + bytes + " bytes]";
        }
    }

    /** A complete reply to a host command (Newland or GM65), taken out of the data stream. */
    record Reply(byte[] frame) implements ScanItem {
        public Reply {
            frame = frame.clone();
        }

        @Override
        public byte[] frame() {
            return frame.clone();
        }

        @Override
        public String toString() {
            return "Reply[" + Hex.of(frame) + "]";
        }
    }
}
