package org.bianmin.device.scanner;

import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;

/**
 * How the host talks to the scanner, chosen by config: not at all (continuous or sense mode), or with
 * the Newland or the GM65 command protocol, which can trigger a scan and answer a query.
 */
public enum TriggerProtocol {
    /** No command channel: the scanner runs in continuous or sense mode and only sends codes. */
    NONE,
    NEWLAND,
    GM65;

    public boolean hasCommandChannel() {
        return this != NONE;
    }

    /** Length of a complete reply at the start of {@code buf}; 0 = need more bytes; -1 = no reply starts here. */
    public int replyLength(byte[] buf, int length) {
        return switch (this) {
            case NONE -> -1;
            case NEWLAND -> NewlandCodec.replyLength(buf, length);
            case GM65 -> Gm65Codec.replyLength(buf, length);
        };
    }

    /**
     * Whether {@code reply} is the scanner accepting {@code command}. False means it answers some other
     * command (a late reply); a refusal or a malformed reply is a {@link DeviceException}.
     */
    public boolean accepts(byte[] command, byte[] reply) throws DeviceException {
        switch (this) {
            case NEWLAND -> {
                NewlandCodec.Command c = NewlandCodec.decodeCommand(command);
                NewlandCodec.Reply r = NewlandCodec.decodeReply(reply);
                if (!NewlandCodec.answers(c, r)) {
                    return false;
                }
                if (!r.acknowledged()) {
                    throw new DeviceException(DeviceError.UNEXPECTED_REPLY, "Newland scanner answered " + c.text()
                            + " with " + r.statusName() + "; the command or its value is not supported by this model");
                }
                return true;
            }
            case GM65 -> {
                // GM65 replies do not name the command they answer: the next reply is the answer
                Gm65Codec.Reply r = Gm65Codec.decodeReply(reply);
                if (!r.ok()) {
                    throw new DeviceException(DeviceError.UNEXPECTED_REPLY, String.format(
                            "GM65 scanner refused %s with status %02X; check the zone address and value", Hex.of(command), r.status()));
                }
                return true;
            }
            default -> throw new DeviceException(DeviceError.UNEXPECTED_REPLY,
                    "a reply arrived but trigger protocol NONE has no commands: " + Hex.of(reply));
        }
    }

    /** One line for a technician: what the reply says. */
    public String describe(byte[] reply) {
        try {
            return switch (this) {
                case NEWLAND -> {
                    NewlandCodec.Reply r = NewlandCodec.decodeReply(reply);
                    yield "Newland " + r.echo() + " " + r.statusName();
                }
                case GM65 -> Gm65Codec.decodeReply(reply).toString();
                case NONE -> Hex.of(reply);
            };
        } catch (DeviceException e) {
            return e.technicianLine();
        }
    }
}
