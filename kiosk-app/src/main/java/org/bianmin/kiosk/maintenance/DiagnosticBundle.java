package org.bianmin.kiosk.maintenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bianmin.config.DeviceSettings;
import org.bianmin.config.KioskConfig;
import org.bianmin.kiosk.devices.LinkTrace;

/**
 * The zip a technician takes away or sends to the office: {@code versions.txt}, {@code config.json} (the
 * configuration without secrets: no token, no PIN hash), {@code devices.json} (health, last errors, counters, ports),
 * {@code traces/DEVICE.txt} (the recent frames, personal data withheld) and {@code logs/kiosk.log} (the end of the
 * kiosk's log, masked again). Nothing in it identifies a citizen.
 */
public final class DiagnosticBundle {
    /** How much of the log goes in: the bundle must stay far below the backend's 20 MiB. */
    static final int LOG_BYTES = 8 * 1024 * 1024;
    /** The devices on serial links, whose frames are traced. */
    private static final List<String> SERIAL_DEVICES = List.of("id-card", "qr-scanner", "receipt-printer");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("Asia/Shanghai"));

    private final Supplier<KioskConfig> running;
    private final MaintenanceDevices devices;
    private final KioskLog log;
    private final Supplier<VersionInfo> versions;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param running  the configuration the kiosk runs at the moment a bundle is made (a pushed one, once applied)
     * @param versions the versions as of that moment
     */
    public DiagnosticBundle(Supplier<KioskConfig> running, MaintenanceDevices devices, KioskLog log, Supplier<VersionInfo> versions,
                            Clock clock) {
        this.running = running;
        this.devices = devices;
        this.log = log;
        this.versions = versions;
        this.clock = clock;
    }

    /** The file name a bundle is saved under, e.g. {@code bianmin-diag-demo-kiosk-01-20261125-150000.zip}. */
    public String fileName() {
        return "bianmin-diag-" + running.get().identity().kioskId() + "-" + STAMP.format(clock.instant()) + ".zip";
    }

    /** Builds the bundle now. */
    public byte[] make() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "versions.txt", versions.get().text() + "made: " + clock.instant() + "\n");
            put(zip, "config.json", text(configWithoutSecrets()));
            put(zip, "devices.json", text(deviceList()));
            for (String device : SERIAL_DEVICES) {
                List<LinkTrace.Line> lines = devices.trace(device);
                StringBuilder sb = new StringBuilder(lines.isEmpty() ? "(no frames since the kiosk started)\n" : "");
                lines.forEach(l -> sb.append(l).append('\n'));
                put(zip, "traces/" + device + ".txt", sb.toString());
            }
            StringBuilder logText = new StringBuilder();
            log.lastBytes(LOG_BYTES).forEach(l -> logText.append(l).append('\n'));
            put(zip, "logs/" + KioskLog.FILE_NAME, logText.toString());
        }
        return bytes.toByteArray();
    }

    /** Writes {@code bundle} into {@code dir} under {@link #fileName()} and forces it to the stick; returns where. */
    public Path saveInto(Path dir, byte[] bundle) throws IOException {
        Path file = dir.resolve(fileName());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(ch)) {
            out.write(bundle);
            out.flush();
            ch.force(true);
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String text(Object node) throws JsonProcessingException {
        return json.writeValueAsString(node);
    }

    private ObjectNode configWithoutSecrets() {
        KioskConfig config = running.get();
        ObjectNode c = json.createObjectNode();
        c.put("version", config.version());
        c.putObject("identity").put("kioskId", config.identity().kioskId()).put("displayName", config.identity().displayName().zh());
        ObjectNode b = c.putObject("backend");
        b.put("url", config.backend().url().toString());
        b.put("connectTimeout", config.backend().connectTimeout().toSeconds());
        b.put("requestTimeout", config.backend().requestTimeout().toSeconds());
        b.put("retries", config.backend().retries());
        b.put("tokenFile", config.backend().tokenFile().isPresent() ? "(set; the token is not included)" : null);
        ArrayNode cas = b.putArray("caCertificates");
        config.backend().caCertificates().forEach(f -> cas.add(f.toString()));
        DeviceSettings d = config.devices();
        ObjectNode dev = c.putObject("devices");
        dev.putObject("idCard").put("port", d.idCard().port().spec()).put("baud", d.idCard().baud())
                .put("required", d.idCard().required()).put("simulated", d.idCard().simulated());
        dev.putObject("qrScanner").put("port", d.qrScanner().port().spec()).put("baud", d.qrScanner().baud())
                .put("protocol", d.qrScanner().protocol().key()).put("required", d.qrScanner().required()).put("simulated", d.qrScanner().simulated());
        dev.putObject("receiptPrinter").put("port", d.receiptPrinter().port().spec()).put("baud", d.receiptPrinter().baud())
                .put("width", d.receiptPrinter().width().millimetres()).put("required", d.receiptPrinter().required())
                .put("simulated", d.receiptPrinter().simulated());
        dev.putObject("documentPrinter").put("queue", String.valueOf(d.documentPrinter().destination()))
                .put("required", d.documentPrinter().required()).put("simulated", d.documentPrinter().simulated());
        ObjectNode gpio = dev.putObject("gpio").put("enabled", d.gpio().enabled()).put("simulated", d.gpio().simulated())
                .put("presenceSensor", d.gpio().presenceSensor()).put("doorSwitch", d.gpio().doorSwitch());
        ObjectNode relays = gpio.putObject("relays");
        d.gpio().relays().forEach((kind, pin) -> relays.put(kind.key(), pin));
        ArrayNode services = c.putArray("services");
        config.services().forEach(services::add);
        ObjectNode timeouts = c.putObject("session").putObject("timeouts");
        timeouts.put("home", config.session().timeouts().home().toSeconds());
        timeouts.put("printWatchdog", config.session().timeouts().printWatchdog().toSeconds());
        c.putObject("languages").put("default", config.languages().defaultLanguage());
        c.put("trustAnchors", config.trustAnchors().size());
        c.putObject("maintenance").put("pinHash", config.maintenance().pinHash().isPresent() ? "(set; not included)" : null)
                .put("lockoutAttempts", config.maintenance().lockoutAttempts())
                .put("lockout", config.maintenance().lockout().toSeconds())
                .put("idleTimeout", config.maintenance().idleTimeout().toSeconds());
        return c;
    }

    private ArrayNode deviceList() {
        ArrayNode list = json.createArrayNode();
        for (DeviceStatus d : devices.devices()) {
            ObjectNode n = list.addObject();
            n.put("name", d.name());
            n.put("required", d.required());
            n.put("health", d.health().name().toLowerCase(Locale.ROOT));
            n.put("state", d.state().orElse(null));
            n.put("port", d.port());
            n.put("protocol", d.protocol());
            if (d.baud().isPresent()) {
                n.put("baud", d.baud().getAsInt());
            }
            d.paper().ifPresent(p -> n.put("paper", p.name().toLowerCase(Locale.ROOT)));
            d.lastError().ifPresent(e -> n.putObject("lastError").put("code", e.code()).put("detail", KioskLog.mask(e.detail()))
                    .put("at", e.at().toString()));
            ObjectNode counters = n.putObject("counters");
            d.counters().forEach(counters::put);
        }
        return list;
    }
}
