package org.bianmin.device.scanner;

import java.util.Arrays;
import org.bianmin.device.link.Hex;

/**
 * The host commands the driver sends, as bytes on the wire: start a scan, stop it, and a harmless query
 * for the health check. Empty means "none". Defaults come from PROTOCOLS.md §3.3; a technician may
 * override them for a model that differs ([U] facts: GM65 stop, Newland query).
 */
public record TriggerCommands(byte[] start, byte[] stop, byte[] query) {

    public TriggerCommands {
        start = start.clone();
        stop = stop.clone();
        query = query.clone();
    }

    /**
     * The usual commands of a protocol. {@code gm65Crc} false sends {@code AB CD} instead of the
     * CRC-16 on GM65 commands (the scanner then skips its check).
     */
    public static TriggerCommands defaults(TriggerProtocol protocol, boolean gm65Crc) {
        return switch (protocol) {
            case NONE -> new TriggerCommands(new byte[0], new byte[0], new byte[0]);
            case NEWLAND -> new TriggerCommands(NewlandCodec.encode(NewlandCodec.startScan()),
                    NewlandCodec.encode(NewlandCodec.stopScan()), NewlandCodec.encode(NewlandCodec.queryScanMode()));
            case GM65 -> new TriggerCommands(Gm65Codec.encode(Gm65Codec.trigger(), gm65Crc),
                    Gm65Codec.encode(Gm65Codec.stopTrigger(), gm65Crc), Gm65Codec.encode(Gm65Codec.queryBaud(), gm65Crc));
        };
    }

    @Override
    public byte[] start() {
        return start.clone();
    }

    @Override
    public byte[] stop() {
        return stop.clone();
    }

    @Override
    public byte[] query() {
        return query.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TriggerCommands t && Arrays.equals(start, t.start) && Arrays.equals(stop, t.stop)
                && Arrays.equals(query, t.query);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(start) * 961 + Arrays.hashCode(stop) * 31 + Arrays.hashCode(query);
    }

    @Override
    public String toString() {
        return "TriggerCommands[start " + Hex.of(start) + ", stop " + Hex.of(stop) + ", query " + Hex.of(query) + "]";
    }
}
