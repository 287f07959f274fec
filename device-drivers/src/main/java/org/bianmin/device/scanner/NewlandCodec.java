package org.bianmin.device.scanner;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;

/**
 * Frames of the Newland serial command protocol (NLS-HR, FM, FR series; PROTOCOLS.md §3.3), both
 * directions, as pure functions.
 *
 * <p>Host → scanner: {@code 7E 01 30 30 30 30} ("~SOH0000") + storage ('@' permanent, '#' temporary) +
 * tag, subtag and data + {@code 3B 03} (";ETX"). Scanner → host: {@code 02 01 30 30 30 30} + the echoed
 * command + status ({@code 06} ACK) + {@code 3B 03}.
 */
public final class NewlandCodec {
    static final byte[] COMMAND_HEAD = {0x7E, 0x01, 0x30, 0x30, 0x30, 0x30};
    static final byte[] REPLY_HEAD = {0x02, 0x01, 0x30, 0x30, 0x30, 0x30};
    public static final int ACK = 0x06;
    /** [U] value out of range. */
    public static final int NAK = 0x15;
    /** [U] unknown tag or subtag. */
    public static final int ENQ = 0x05;
    /** Longest frame taken for a command or reply; a longer one is not a frame at all. */
    static final int MAX_FRAME = 512;

    private NewlandCodec() {}

    /**
     * One command: storage '@' (permanent) or '#' (temporary) and the body: tag, subtag and data, e.g.
     * "SCNTRG1". A query puts '*' (current), '&amp;' (default) or '^' (range) where the data goes.
     */
    public record Command(char storage, String body) {
        public Command {
            if (storage != '@' && storage != '#') {
                throw new IllegalArgumentException("Newland storage '" + storage + "' must be '@' (permanent) or '#' (temporary)");
            }
            if (body == null || body.isEmpty() || body.length() > MAX_FRAME - 20) {
                throw new IllegalArgumentException("Newland command body must be 1.." + (MAX_FRAME - 20)
                        + " characters of tag, subtag and data, e.g. SCNTRG1");
            }
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c < 0x20 || c > 0x7E || (c >= 'a' && c <= 'z')) {
                    throw new IllegalArgumentException("Newland command '" + body + "' has '" + c + "' at position " + i
                            + "; commands are printable ASCII in upper case only");
                }
            }
        }

        /** Storage character and body as they are echoed, e.g. "#SCNTRG1". */
        public String text() {
            return storage + body;
        }

        /** A query ends in '*', '&amp;' or '^' in the data position. */
        public boolean isQuery() {
            char last = body.charAt(body.length() - 1);
            return last == '*' || last == '&' || last == '^';
        }
    }

    /** A reply: the echoed command text (storage char included) and the status byte. */
    public record Reply(String echo, int status) {
        public boolean acknowledged() {
            return status == ACK;
        }

        /** "ACK", "NAK", "ENQ" or the byte in hex. */
        public String statusName() {
            return switch (status) {
                case ACK -> "ACK";
                case NAK -> "NAK";
                case ENQ -> "ENQ";
                default -> String.format("%02X", status);
            };
        }
    }

    public static Command startScan() {
        return new Command('#', "SCNTRG1");
    }

    public static Command stopScan() {
        return new Command('#', "SCNTRG0");
    }

    public static Command triggerMode() {
        return new Command('@', "SCNMOD0");
    }

    public static Command senseMode() {
        return new Command('@', "SCNMOD2");
    }

    /** Current scan mode; harmless, so it serves as the health query [U: query storage char]. */
    public static Command queryScanMode() {
        return new Command('#', "SCNMOD*");
    }

    public static byte[] encode(Command c) {
        byte[] text = c.text().getBytes(StandardCharsets.US_ASCII);
        byte[] f = new byte[COMMAND_HEAD.length + text.length + 2];
        System.arraycopy(COMMAND_HEAD, 0, f, 0, COMMAND_HEAD.length);
        System.arraycopy(text, 0, f, COMMAND_HEAD.length, text.length);
        f[f.length - 2] = 0x3B;
        f[f.length - 1] = 0x03;
        return f;
    }

    public static byte[] encodeReply(Reply r) {
        byte[] echo = r.echo().getBytes(StandardCharsets.US_ASCII);
        byte[] f = new byte[REPLY_HEAD.length + echo.length + 3];
        System.arraycopy(REPLY_HEAD, 0, f, 0, REPLY_HEAD.length);
        System.arraycopy(echo, 0, f, REPLY_HEAD.length, echo.length);
        f[f.length - 3] = (byte) r.status();
        f[f.length - 2] = 0x3B;
        f[f.length - 1] = 0x03;
        return f;
    }

    /** Device side: length of the complete command at the start of {@code buf}; 0 = need more; -1 = none starts here. */
    public static int commandLength(byte[] buf, int length) {
        return frameLength(COMMAND_HEAD, buf, length);
    }

    /** Host side: length of the complete reply at the start of {@code buf}; 0 = need more; -1 = none starts here. */
    public static int replyLength(byte[] buf, int length) {
        return frameLength(REPLY_HEAD, buf, length);
    }

    private static int frameLength(byte[] head, byte[] buf, int length) {
        for (int i = 0; i < Math.min(head.length, length); i++) {
            if (buf[i] != head[i]) {
                return -1;
            }
        }
        // ";" ETX ends the frame; ETX appears nowhere else in a frame
        for (int i = head.length + 1; i < length; i++) {
            if (buf[i] == 0x03 && buf[i - 1] == 0x3B) {
                return i + 1;
            }
        }
        return length >= MAX_FRAME ? -1 : 0;
    }

    public static Command decodeCommand(byte[] frame) throws DeviceException {
        String text = body(COMMAND_HEAD, frame, 0, "command");
        if (text.length() < 2) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "Newland command has no tag: " + Hex.of(frame));
        }
        try {
            return new Command(text.charAt(0), text.substring(1));
        } catch (IllegalArgumentException e) {
            throw new DeviceException(DeviceError.BAD_FRAME, e.getMessage());
        }
    }

    public static Reply decodeReply(byte[] frame) throws DeviceException {
        String echo = body(REPLY_HEAD, frame, 1, "reply");
        return new Reply(echo, frame[frame.length - 3] & 0xFF);
    }

    /** The ASCII between head and "; ETX", less {@code trailer} status bytes. */
    private static String body(byte[] head, byte[] frame, int trailer, String what) throws DeviceException {
        int min = head.length + trailer + 2;
        if (frame.length < min) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "Newland " + what + " of " + frame.length
                    + " bytes is shorter than the " + min + " bytes of its frame: " + Hex.of(frame));
        }
        if (!Arrays.equals(frame, 0, head.length, head, 0, head.length)) {
            throw new DeviceException(DeviceError.BAD_FRAME, "Newland " + what + " must start " + Hex.of(head) + ": " + Hex.of(frame));
        }
        if (frame[frame.length - 2] != 0x3B || frame[frame.length - 1] != 0x03) {
            throw new DeviceException(DeviceError.BAD_FRAME, "Newland " + what + " must end 3B 03: " + Hex.of(frame));
        }
        int end = frame.length - 2 - trailer;
        for (int i = head.length; i < end; i++) {
            if (frame[i] < 0x20 || frame[i] > 0x7E) {
                throw new DeviceException(DeviceError.BAD_FRAME, String.format(
                        "Newland %s has byte %02X at %d where printable ASCII belongs: %s", what, frame[i] & 0xFF, i, Hex.of(frame)));
            }
        }
        return new String(frame, head.length, end - head.length, StandardCharsets.US_ASCII);
    }

    /**
     * Whether {@code reply} answers {@code command}: the echo is the command itself, or for a query the
     * command up to its '*', '&amp;' or '^' followed by the value.
     */
    public static boolean answers(Command command, Reply reply) {
        String sent = command.text();
        if (command.isQuery()) {
            return reply.echo().startsWith(sent.substring(0, sent.length() - 1));
        }
        return reply.echo().equals(sent);
    }
}
