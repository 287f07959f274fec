package org.bianmin.device.idcard;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/** The appended address (追加住址) of a 30 03 reply: 70 bytes UCS-2LE, or SW3 91 when the card has none. */
public final class AppendedAddress {
    /** Bytes of the appended-address field. */
    public static final int SIZE = 70;

    private AppendedAddress() {}

    public static Optional<String> parse(SamReply reply) throws DeviceException {
        if (reply.is(Sw3.NO_CONTENT)) {
            return Optional.empty();
        }
        if (!reply.is(Sw3.OK)) {
            throw new DeviceException(reply.sw3() == 0x41 ? DeviceError.CARD_READ_FAILED : DeviceError.UNEXPECTED_REPLY,
                    "appended address (30 03) answered SW3 " + Sw3.describe(reply.sw3()));
        }
        byte[] d = reply.data();
        if (d.length != SIZE) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "an appended address is " + SIZE + " bytes; got " + d.length);
        }
        String s = TextBlock.text(d, 0, SIZE);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** 70 bytes of UCS-2LE, space-padded: the reply data the module sends. */
    public static byte[] encode(String address) {
        byte[] v = address.getBytes(StandardCharsets.UTF_16LE);
        if (v.length > SIZE) {
            throw new IllegalArgumentException("an appended address holds " + SIZE / 2 + " characters; got " + address.length());
        }
        byte[] out = new byte[SIZE];
        System.arraycopy(v, 0, out, 0, v.length);
        for (int i = v.length; i < SIZE; i += 2) {
            out[i] = ' ';
        }
        return out;
    }
}
