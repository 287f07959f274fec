package org.bianmin.device.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.device.link.SerialPorts;
import picocli.CommandLine.Command;

/** {@code diag ports}: the serial ports of this machine, with their stable by-id names. */
@Command(name = "ports", mixinStandardHelpOptions = true, description = "List the serial ports found on this machine.")
final class DiagPorts extends DeviceCommand {
    DiagPorts(Terminal t) {
        super(t);
    }

    @Override
    protected int run() {
        List<SerialPorts.Found> found = SerialPorts.list();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", true);
            doc.put("ports", found.stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("port", f.port());
                m.put("byId", f.byId());
                return m;
            }).toList());
            terminal.json(doc);
        } else if (found.isEmpty()) {
            terminal.line("no serial ports found (USB adapters appear as /dev/ttyUSB*, /dev/ttyACM*; check the cable and 'dmesg | tail')");
        } else {
            for (SerialPorts.Found f : found) {
                terminal.line(f.port() + (f.byId() == null ? "" : "  (" + f.byId() + ")"));
            }
        }
        return ExitCodes.OK;
    }
}
