package org.bianmin.device.idcard;

import java.util.Arrays;

/** One host → module SAM_V request: command, parameter and optional data (PROTOCOLS.md §1.2). */
public record SamRequest(int cmd, int para, byte[] data) {

    public SamRequest {
        if (cmd < 0 || cmd > 0xFF || para < 0 || para > 0xFF) {
            throw new IllegalArgumentException("CMD and Para are single bytes (0..FF); got " + cmd + " and " + para);
        }
        data = data == null ? new byte[0] : data.clone();
    }

    public SamRequest(int cmd, int para) {
        this(cmd, para, new byte[0]);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int dataLength() {
        return data.length;
    }

    byte dataAt(int i) {
        return data[i];
    }

    /** The two command bytes as a technician reads them, e.g. "20 01". */
    public String command() {
        return String.format("%02X %02X", cmd, para);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamRequest r && r.cmd == cmd && r.para == para && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * cmd + para) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SamRequest[" + command() + (data.length == 0 ? "" : ", " + data.length + " data bytes") + "]";
    }
}
