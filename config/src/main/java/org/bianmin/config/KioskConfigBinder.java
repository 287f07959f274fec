package org.bianmin.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.SigningException;

/**
 * Turns the merged configuration tree into a {@link KioskConfig}, checking every key: its type, its range, and the
 * rules between keys. Reads the whole tree before it gives up, so the {@link ConfigException} lists every problem.
 */
final class KioskConfigBinder {

    /** A rule's verdict on a value: what is wrong and what to do. */
    record Complaint(String problem, String fix) {}

    /** The serial rates a technician may choose; the device layer accepts the same set (config does not depend on it). */
    private static final List<Integer> STANDARD_BAUDS = List.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600);

    private static final Pattern KIOSK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    private static final Pattern SERVICE_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    /** lpadmin: any printable character except space, tab, / and #, at most 127 of them (quotes and \ are trouble too). */
    private static final Pattern CUPS_QUEUE = Pattern.compile("[\\p{Graph}&&[^/#\\\\'\"]]{1,127}");
    private static final Pattern COM_PORT = Pattern.compile("(?i)COM[0-9]{1,3}");
    private static final String SPOOL_PREFIX = "spool:";
    private static final String TCP_PREFIX = "tcp://";
    private static final int DISPLAY_NAME_MAX = 64;
    private static final int NOTICE_MAX = 200;
    private static final int NOTICES_MAX = 10;
    /** Characters of one guide text: a field, one material, one step, the note. */
    private static final int GUIDE_TEXT_MAX = 200;
    /** Materials or steps of one guide. */
    private static final int GUIDE_ITEMS_MAX = 20;
    private static final String SERVICE_CODE_FIX = "use the backend's code: lower-case letters, digits and hyphens, "
            + "e.g. si-participation-certificate";
    private static final String BILINGUAL_FIX = "write zh: TEXT on the line below it, indented by two more spaces, "
            + "and en: TEXT (or en: null) for English";
    private static final long PEM_MAX_BYTES = 1 << 20;
    private static final String TRUST_ANCHOR_FIX = "give the PEM file of the platform's signing certificate (text from "
            + "-----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----)";
    private static final String CA_CERTIFICATE_FIX = "give the PEM file of the CA that issued the backend's TLS certificate "
            + "(text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----), as the backend's operator sent it";
    private static final String SECONDS_FIX = "write whole seconds without a unit, e.g. 30";

    private final Problems problems;
    // false on an admin's machine: the files a configuration names lie on the kiosks, so only their paths are checked
    private final boolean filesHere;

    private KioskConfigBinder(Problems problems, boolean filesHere) {
        this.problems = problems;
        this.filesHere = filesHere;
    }

    /**
     * @param defaults the bundled defaults' tree, for examples in messages
     * @param earlier  problems the YAML readers found already
     * @throws ConfigException listing every problem, the earlier ones first
     */
    static KioskConfig bind(MergedTree merged, ObjectNode defaults, List<ConfigProblem> earlier) {
        return bind(merged, defaults, earlier, true);
    }

    /**
     * As {@link #bind(MergedTree, ObjectNode, List)}; with {@code filesHere} false the files the configuration names
     * (trust anchors, CA certificates) are not looked for, only their paths checked: they lie on the kiosks.
     */
    static KioskConfig bind(MergedTree merged, ObjectNode defaults, List<ConfigProblem> earlier, boolean filesHere) {
        Problems problems = new Problems(merged, earlier);
        ConfigNode root = ConfigNode.root(problems, merged.tree(), defaults);
        KioskConfigBinder b = new KioskConfigBinder(problems, filesHere);

        ConfigNode versionNode = root.get("version");
        Integer version = versionNode.whole();
        if (version != null && version < 1) {
            versionNode.complain("is below 1", "start at 1; the fleet service raises it with every push");
        }
        Identity identity = b.identity(root.section("identity"));
        BackendSettings backend = b.backend(root.section("backend"));
        DeviceSettings devices = b.devices(root.section("devices"));
        List<String> services = b.services(root.get("services"));
        Map<String, GuideOverride> guides = b.guides(root.get("guides"));
        SessionSettings session = b.session(root.section("session"));
        LanguageSettings languages = b.languages(root.section("languages"));
        List<LocalizedText> notices = b.notices(root.get("notices"));
        List<Path> trustAnchors = b.pemFiles(root.get("trustAnchors"), TRUST_ANCHOR_FIX);
        MaintenanceSettings maintenance = b.maintenance(root.section("maintenance"));
        FleetSettings fleet = b.fleet(root.section("fleet"));
        root.rejectUnknownKeys();

        problems.throwIfAny();
        return new KioskConfig(version, identity, backend, devices, services, guides, session, languages, notices, trustAnchors,
                maintenance, fleet);
    }

    private Identity identity(ConfigNode s) {
        ConfigNode idNode = s.get("kioskId");
        String id = idNode.text();
        if (id != null && !KIOSK_ID.matcher(id).matches()) {
            String lower = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
            idNode.complain("is not a kiosk id", "use 3 to 64 lower-case letters, digits and hyphens, starting with a letter or digit, e.g. "
                    + (KIOSK_ID.matcher(lower).matches() ? lower : "township-hall-01"));
        }
        LocalizedText name = localized(s.section("displayName"), DISPLAY_NAME_MAX);
        s.rejectUnknownKeys();
        return allSet(id, name) ? new Identity(id, name) : null;
    }

    private LocalizedText localized(ConfigNode m, int max) {
        String zh = shortText(m.get("zh"), max, true);
        Optional<String> en = Optional.ofNullable(shortText(m.get("en"), max, false));
        m.rejectUnknownKeys();
        return zh != null ? new LocalizedText(zh, en) : null;
    }

    private static String shortText(ConfigNode n, int max, boolean required) {
        String t = required ? n.text() : n.optionalText().orElse(null);
        if (t == null) {
            return null;
        }
        if (t.isBlank()) {
            n.complain("is blank", required ? "write the text" : "write the text, or null to show the Chinese instead");
            return null;
        }
        if (t.codePointCount(0, t.length()) > max) {
            n.complain("is longer than " + max + " characters", "shorten it to " + max + " characters or fewer");
            return null;
        }
        return t.strip();
    }

    private BackendSettings backend(ConfigNode s) {
        ConfigNode urlNode = s.get("url");
        String urlText = urlNode.text();
        URI url = null;
        if (urlText != null) {
            try {
                url = new URI(urlText.strip());
                Complaint c = backendUrlComplaint(url);
                if (c != null) {
                    urlNode.complain(c.problem(), c.fix());
                    url = null;
                }
            } catch (URISyntaxException e) {
                urlNode.complain("is not a URL (" + e.getReason() + ")", "write it like https://zwfw.example.gov.cn");
            }
        }
        Duration connect = seconds(s.get("connectTimeout"), 1, 60);
        Duration request = seconds(s.get("requestTimeout"), 1, 300);
        Integer retries = inRange(s.get("retries"), 0, 10, "give a number of retries from 0 to 10");
        ConfigNode tokenNode = s.get("tokenFile");
        Optional<String> tokenText = tokenNode.optionalText();
        Path tokenFile = tokenText.map(t -> path(tokenNode, t)).orElse(null);
        Duration heartbeat = seconds(s.get("heartbeatInterval"), 5, 3600);
        List<Path> caCertificates = pemFiles(s.get("caCertificates"), CA_CERTIFICATE_FIX);
        s.rejectUnknownKeys();
        if (!allSet(url, connect, request, retries, heartbeat, caCertificates) || (tokenText.isPresent() && tokenFile == null)) {
            return null;
        }
        return new BackendSettings(url, connect, request, retries, Optional.ofNullable(tokenFile), heartbeat, caCertificates);
    }

    /** Null when {@code url} is a plain http(s) base URL. */
    static Complaint backendUrlComplaint(URI url) {
        String example = "write it like https://zwfw.example.gov.cn or http://localhost:8080";
        if (url == null) {
            return new Complaint("is not a URL", example);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Complaint("is not an http or https URL", example);
        }
        if (url.getUserInfo() != null) {
            return new Complaint("carries a user name or password", "remove it: the kiosk signs in with its token ("
                    + KioskToken.ENVIRONMENT_VARIABLE + " or backend.tokenFile)");
        }
        if (url.getHost() == null) {
            return new Complaint("has no host name the kiosk can reach", example);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            return new Complaint("has a query or fragment", "give only the base URL, e.g. https://zwfw.example.gov.cn/kiosk");
        }
        return null;
    }

    private DeviceSettings devices(ConfigNode s) {
        IdCardSettings idCard = idCard(s.section(DeviceKind.ID_CARD.key()));
        QrScannerSettings qrScanner = qrScanner(s.section(DeviceKind.QR_SCANNER.key()));
        ReceiptPrinterSettings receiptPrinter = receiptPrinter(s.section(DeviceKind.RECEIPT_PRINTER.key()));
        DocumentPrinterSettings documentPrinter = documentPrinter(s.section(DeviceKind.DOCUMENT_PRINTER.key()));
        GpioSettings gpio = gpio(s.section("gpio"));
        RecoverySettings recovery = recovery(s.section("recovery"));
        s.rejectUnknownKeys();
        return allSet(idCard, qrScanner, receiptPrinter, documentPrinter, gpio, recovery)
                ? new DeviceSettings(idCard, qrScanner, receiptPrinter, documentPrinter, gpio, recovery) : null;
    }

    private RecoverySettings recovery(ConfigNode s) {
        Duration check = seconds(s.get("checkInterval"), 2, 600);
        Integer timeouts = inRange(s.get("timeoutsBeforePowerCycle"), 1, 20,
                "give how many unanswered health checks in a row call for a power cycle, from 1 to 20, e.g. 3");
        Duration off = seconds(s.get("powerOff"), 1, 60);
        Integer perHour = inRange(s.get("maxPowerCyclesPerHour"), 1, 20,
                "give at most how many power cycles of one device an hour may see, from 1 to 20, e.g. 4");
        s.rejectUnknownKeys();
        return allSet(check, timeouts, off, perHour) ? new RecoverySettings(check, timeouts, off, perHour) : null;
    }

    private IdCardSettings idCard(ConfigNode s) {
        DevicePort.Serial port = serialPort(s.get("port"));
        Integer baud = baud(s.get("baud"));
        FlowControl flow = flowControl(s.get("flowControl"));
        Boolean required = s.get("required").flag();
        Boolean simulated = s.get("simulated").flag();
        s.rejectUnknownKeys();
        return allSet(port, baud, flow, required, simulated) ? new IdCardSettings(port, baud, flow, required, simulated) : null;
    }

    private QrScannerSettings qrScanner(ConfigNode s) {
        DevicePort.Serial port = serialPort(s.get("port"));
        Integer baud = baud(s.get("baud"));
        FlowControl flow = flowControl(s.get("flowControl"));
        ScannerProtocol protocol = protocol(s.get("protocol"));
        Boolean required = s.get("required").flag();
        Boolean simulated = s.get("simulated").flag();
        s.rejectUnknownKeys();
        return allSet(port, baud, flow, protocol, required, simulated)
                ? new QrScannerSettings(port, baud, flow, protocol, required, simulated) : null;
    }

    private ReceiptPrinterSettings receiptPrinter(ConfigNode s) {
        DevicePort port = serialOrTcpPort(s.get("port"));
        Integer baud = baud(s.get("baud"));
        FlowControl flow = flowControl(s.get("flowControl"));
        ConfigNode widthNode = s.get("width");
        Integer mm = widthNode.whole();
        PaperWidth width = null;
        if (mm != null) {
            width = Arrays.stream(PaperWidth.values()).filter(w -> w.millimetres() == mm).findFirst().orElse(null);
            if (width == null) {
                widthNode.complain("is not a receipt paper width", "give 58 or 80 (millimetres)");
            }
        }
        Boolean required = s.get("required").flag();
        Boolean simulated = s.get("simulated").flag();
        s.rejectUnknownKeys();
        return allSet(port, baud, flow, width, required, simulated)
                ? new ReceiptPrinterSettings(port, baud, flow, width, required, simulated) : null;
    }

    private static FlowControl flowControl(ConfigNode n) {
        String v = n.text();
        if (v == null) {
            return null;
        }
        for (FlowControl f : FlowControl.values()) {
            if (f.key().equals(v.strip())) {
                return f;
            }
        }
        n.complain("is not a flow control", "give none, rts-cts (hardware handshake) or xon-xoff (software handshake); most kiosk devices use none");
        return null;
    }

    private DocumentPrinterSettings documentPrinter(ConfigNode s) {
        ConfigNode queueNode = s.get("queue");
        String queue = queueNode.text();
        Boolean required = s.get("required").flag();
        Boolean simulated = s.get("simulated").flag();
        DocumentDestination destination = null;
        if (queue != null) {
            String q = queue.strip();
            if (q.startsWith(SPOOL_PREFIX)) {
                String dir = q.substring(SPOOL_PREFIX.length()).strip();
                if (dir.isEmpty()) {
                    queueNode.complain("names no directory", "write spool:DIR, e.g. spool:out/printed");
                } else {
                    Path p = path(queueNode, dir);
                    destination = p == null ? null : new DocumentDestination.Spool(p);
                }
            } else if (CUPS_QUEUE.matcher(q).matches()) {
                destination = new DocumentDestination.CupsQueue(q);
            } else {
                queueNode.complain("is not a CUPS queue name", "give the queue's name as 'lpstat -p' lists it (no spaces, / or #), "
                        + "or spool:DIR for the simulator");
            }
        }
        if (destination instanceof DocumentDestination.CupsQueue && Boolean.TRUE.equals(simulated)) {
            queueNode.complain("is a CUPS queue, but the simulated printer writes files",
                    "give spool:DIR, e.g. spool:out/printed, or set devices.documentPrinter.simulated: false");
            destination = null;
        } else if (destination instanceof DocumentDestination.Spool && Boolean.FALSE.equals(simulated)) {
            queueNode.complain("is the simulator's spool, but the printer is not simulated",
                    "give the CUPS queue's name ('lpstat -p' lists them), or set devices.documentPrinter.simulated: true");
            destination = null;
        }
        s.rejectUnknownKeys();
        return allSet(destination, required, simulated) ? new DocumentPrinterSettings(destination, required, simulated) : null;
    }

    private GpioSettings gpio(ConfigNode s) {
        Map<String, Integer> pinsByPath = new LinkedHashMap<>();
        Boolean enabled = s.get("enabled").flag();
        Boolean simulated = s.get("simulated").flag();
        ConfigNode l = s.section("lights");
        Integer cardReader = pin(l.get("cardReader"), true, pinsByPath);
        Integer scanner = pin(l.get("scanner"), false, pinsByPath);
        Integer printer = pin(l.get("printer"), false, pinsByPath);
        Integer fault = pin(l.get("fault"), true, pinsByPath);
        l.rejectUnknownKeys();
        Boolean lightsActiveLow = s.get("lightsActiveLow").flag();
        Integer presence = pin(s.get("presenceSensor"), true, pinsByPath);
        Integer door = pin(s.get("doorSwitch"), true, pinsByPath);
        ConfigNode r = s.section("relays");
        Map<DeviceKind, Integer> relays = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            Integer p = pin(r.get(kind.key()), false, pinsByPath);
            if (p != null) {
                relays.put(kind, p);
            }
        }
        r.rejectUnknownKeys();
        Boolean relaysActiveLow = s.get("relaysActiveLow").flag();
        s.rejectUnknownKeys();
        if (!allSet(enabled, simulated, cardReader, fault, lightsActiveLow, presence, door, relaysActiveLow)) {
            return null;
        }
        var lights = new GpioSettings.Lights(cardReader, optional(scanner), optional(printer), fault);
        return new GpioSettings(enabled, simulated, lights, lightsActiveLow, presence, door, relays, relaysActiveLow);
    }

    private Integer pin(ConfigNode n, boolean required, Map<String, Integer> pinsByPath) {
        Integer pin = required ? n.whole() : n.optionalWhole();
        if (pin == null) {
            return null;
        }
        if (pin < GpioSettings.MIN_PIN || pin > GpioSettings.MAX_PIN) {
            n.complain("is not a BCM GPIO number", "give the BCM number " + GpioSettings.MIN_PIN + "–" + GpioSettings.MAX_PIN
                    + ", not the header pin number" + (required ? "" : ", or null when nothing is wired"));
            return null;
        }
        for (Map.Entry<String, Integer> used : pinsByPath.entrySet()) {
            if (used.getValue().equals(pin)) {
                n.complain("is also used by " + used.getKey(), "give each light, sensor and relay its own BCM pin");
                return null;
            }
        }
        pinsByPath.put(n.path(), pin);
        return pin;
    }

    private static OptionalInt optional(Integer pin) {
        return pin == null ? OptionalInt.empty() : OptionalInt.of(pin);
    }

    private DevicePort.Serial serialPort(ConfigNode n) {
        String spec = n.text();
        return spec == null ? null : serialPort(n, spec);
    }

    private DevicePort serialOrTcpPort(ConfigNode n) {
        String spec = n.text();
        if (spec == null) {
            return null;
        }
        return isTcp(spec) ? tcpPort(n, spec.strip()) : serialPort(n, spec);
    }

    private static boolean isTcp(String spec) {
        return spec.strip().regionMatches(true, 0, TCP_PREFIX, 0, TCP_PREFIX.length());
    }

    private DevicePort.Serial serialPort(ConfigNode n, String spec) {
        String s = spec.strip();
        if (isTcp(s)) {
            n.complain("is a network address, but this device is on a serial line", "give its serial port, e.g. /dev/ttyUSB0");
            return null;
        }
        boolean devicePath = s.length() > 1 && s.startsWith("/") && !s.endsWith("/") && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        if (!devicePath && !COM_PORT.matcher(s).matches()) {
            n.complain("is not a serial port", "give the device path, e.g. /dev/ttyUSB0 ('./kiosk diag ports' lists them)");
            return null;
        }
        return new DevicePort.Serial(s);
    }

    private DevicePort.Tcp tcpPort(ConfigNode n, String spec) {
        String example = "write tcp://HOST:PORT, e.g. tcp://192.0.2.10:9100";
        URI u;
        try {
            u = new URI(spec);
        } catch (URISyntaxException e) {
            n.complain("is not a network address (" + e.getReason() + ")", example);
            return null;
        }
        if (u.getHost() == null) {
            n.complain("has no host", example);
            return null;
        }
        if (u.getPort() < 0) {
            n.complain("has no port", "add the printer's port, usually 9100: tcp://" + u.getHost() + ":9100");
            return null;
        }
        if (u.getPort() < 1 || u.getPort() > 65535) {
            n.complain("has a port outside 1–65535", "give the printer's port, usually 9100");
            return null;
        }
        if (u.getUserInfo() != null || (u.getRawPath() != null && !u.getRawPath().isEmpty()) || u.getRawQuery() != null
                || u.getRawFragment() != null) {
            n.complain("has more than a host and a port", example);
            return null;
        }
        String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        return new DevicePort.Tcp(host, u.getPort());
    }

    private Integer baud(ConfigNode n) {
        Integer baud = n.whole();
        if (baud != null && !STANDARD_BAUDS.contains(baud)) {
            n.complain("is not a standard baud rate", "use one of " + STANDARD_BAUDS.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")));
            return null;
        }
        return baud;
    }

    private ScannerProtocol protocol(ConfigNode n) {
        String p = n.text();
        if (p == null) {
            return null;
        }
        for (ScannerProtocol sp : ScannerProtocol.values()) {
            if (sp.key().equals(p.strip())) {
                return sp;
            }
        }
        List<String> keys = Arrays.stream(ScannerProtocol.values()).map(ScannerProtocol::key).toList();
        n.complain("is not a scanner protocol", Values.closest(p, keys).map(k -> "did you mean " + k + "? ").orElse("")
                + "use none (the scanner sends every code it sees), newland or gm65 (the kiosk triggers it)");
        return null;
    }

    private List<String> services(ConfigNode n) {
        List<ConfigNode> items = n.list();
        if (items == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        boolean ok = true;
        for (ConfigNode item : items) {
            String code = item.text();
            if (code == null) {
                ok = false;
            } else if (!SERVICE_CODE.matcher(code).matches()) {
                item.complain("is not a service code", SERVICE_CODE_FIX);
                ok = false;
            } else if (codes.contains(code)) {
                item.complain("is listed twice", "list each service once, in the order Home shows them");
                ok = false;
            } else {
                codes.add(code);
            }
        }
        return ok ? codes : null;
    }

    /** Null ({@code guides: null}) clears every change a lower layer made: each guide as the backend gives it. */
    private Map<String, GuideOverride> guides(ConfigNode n) {
        if (!n.isSet()) {
            return Map.of();
        }
        Map<String, ConfigNode> entries = n.entries("a mapping of service codes", "write each service code on a line below it, "
                + "indented by two more spaces, and under it the guide fields it changes; {} for none");
        if (entries == null) {
            return null;
        }
        Map<String, GuideOverride> guides = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
            ConfigNode g = e.getValue();
            if (!SERVICE_CODE.matcher(e.getKey()).matches()) {
                g.complain("is not a service code", SERVICE_CODE_FIX);
                ok = false;
            } else if (g.isSet()) {
                // null clears a lower layer's changes to this service: its guide as the backend gives it
                GuideOverride o = guide(g.mapping("write the guide fields it changes on the lines below it, indented by two more "
                        + "spaces, e.g. note:"));
                ok &= o != null;
                if (o != null) {
                    guides.put(e.getKey(), o);
                }
            }
        }
        return ok ? guides : null;
    }

    private GuideOverride guide(ConfigNode g) {
        Optional<LocalizedText> conditions = guideText(g.get("acceptanceConditions"));
        Optional<List<LocalizedText>> materials = guideList(g.get("materials"), "material");
        Optional<List<LocalizedText>> steps = guideList(g.get("steps"), "step");
        Optional<LocalizedText> timeLimit = guideText(g.get("timeLimit"));
        Optional<LocalizedText> result = guideText(g.get("result"));
        Optional<LocalizedText> note = guideText(g.get("note"));
        g.rejectUnknownKeys();
        return allSet(conditions, materials, steps, timeLimit, result, note)
                ? new GuideOverride(conditions, materials, steps, timeLimit, result, note) : null;
    }

    /** Empty when not set or null (the backend's field stays); null when wrong, reported. */
    private Optional<LocalizedText> guideText(ConfigNode n) {
        if (!n.isSet()) {
            return Optional.empty();
        }
        LocalizedText t = localized(n.mapping(BILINGUAL_FIX), GUIDE_TEXT_MAX);
        return t == null ? null : Optional.of(t);
    }

    /** Empty when not set or null (the backend's list stays); null when wrong, reported. */
    private Optional<List<LocalizedText>> guideList(ConfigNode n, String item) {
        if (!n.isSet()) {
            return Optional.empty();
        }
        List<ConfigNode> items = n.list("write one '- zh: TEXT' per line below it (en: TEXT under each for English)");
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            n.complain("is empty", "list at least one " + item + ", or write null to show the backend's");
            return null;
        }
        if (items.size() > GUIDE_ITEMS_MAX) {
            n.complain("has " + items.size() + " items", "keep at most " + GUIDE_ITEMS_MAX + "; the guide screen shows them all");
            return null;
        }
        List<LocalizedText> texts = new ArrayList<>();
        for (ConfigNode i : items) {
            texts.add(localized(i.mapping(BILINGUAL_FIX), GUIDE_TEXT_MAX));
        }
        return texts.contains(null) ? null : Optional.of(texts);
    }

    private SessionSettings session(ConfigNode s) {
        ConfigNode t = s.section("timeouts");
        Map<String, Duration> screens = new LinkedHashMap<>();
        for (String screen : List.of("home", "identify", "guide", "preview", "done", "evaluate", "problem")) {
            screens.put(screen, seconds(t.get(screen), 10, 600));
        }
        Duration fetch = seconds(t.get("fetchWatchdog"), 5, 900);
        Duration print = seconds(t.get("printWatchdog"), 5, 900);
        t.rejectUnknownKeys();
        ConfigNode factorNode = s.get("elderFactor");
        Double factor = factorNode.decimal();
        if (factor != null && !(factor >= 1.5 && factor <= 4.0)) {
            factorNode.complain(factor < 1.5 ? "is below 1.5, too little extra time for elder mode" : "is above 4",
                    "give a factor from 1.5 to 4, e.g. 2.0");
            factor = null;
        }
        ConfigNode warningNode = s.get("countdownWarning");
        Duration warning = seconds(warningNode, 5, 60);
        s.rejectUnknownKeys();
        if (warning != null && !screens.containsValue(null)) {
            Map.Entry<String, Duration> shortest = screens.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
            if (warning.compareTo(shortest.getValue()) >= 0) {
                warningNode.complain("is not shorter than the shortest screen timeout (session.timeouts." + shortest.getKey() + ": "
                        + shortest.getValue().toSeconds() + ")", "make it shorter than " + shortest.getValue().toSeconds()
                        + " seconds, or lengthen session.timeouts." + shortest.getKey());
                warning = null;
            }
        }
        if (screens.containsValue(null) || !allSet(fetch, print, factor, warning)) {
            return null;
        }
        var timeouts = new SessionTimeouts(screens.get("home"), screens.get("identify"), screens.get("guide"), screens.get("preview"),
                screens.get("done"), screens.get("evaluate"), screens.get("problem"), fetch, print);
        return new SessionSettings(timeouts, factor, warning);
    }

    private LanguageSettings languages(ConfigNode s) {
        ConfigNode defaultNode = s.get("default");
        String def = language(defaultNode);
        ConfigNode availableNode = s.get("available");
        List<ConfigNode> items = availableNode.list();
        List<String> available = new ArrayList<>();
        boolean ok = items != null;
        if (items != null) {
            for (ConfigNode item : items) {
                String tag = language(item);
                if (tag == null) {
                    ok = false;
                } else if (available.contains(tag)) {
                    item.complain("is listed twice", "list each language once");
                    ok = false;
                } else {
                    available.add(tag);
                }
            }
            if (items.isEmpty()) {
                availableNode.complain("is empty", "list the languages a citizen may choose, e.g. [zh-CN, en]");
                ok = false;
            }
        }
        s.rejectUnknownKeys();
        if (def != null && ok && !available.contains(def)) {
            defaultNode.complain("is not among languages.available (" + String.join(", ", available) + ")",
                    "add it to languages.available, or choose one of those");
            return null;
        }
        return def != null && ok ? new LanguageSettings(def, available) : null;
    }

    private static String language(ConfigNode n) {
        String tag = n.text();
        if (tag == null) {
            return null;
        }
        if (!LanguageSettings.SUPPORTED.contains(tag.strip())) {
            n.complain("is not a language this kiosk has texts for", Values.closest(tag, LanguageSettings.SUPPORTED)
                    .map(k -> "did you mean " + k + "? ").orElse("") + "use " + String.join(" or ", LanguageSettings.SUPPORTED));
            return null;
        }
        return tag.strip();
    }

    private List<LocalizedText> notices(ConfigNode n) {
        List<ConfigNode> items = n.list();
        if (items == null) {
            return null;
        }
        if (items.size() > NOTICES_MAX) {
            n.complain("has " + items.size() + " notices", "keep at most " + NOTICES_MAX + "; Home has room for a few short lines");
            return null;
        }
        List<LocalizedText> notices = new ArrayList<>();
        for (ConfigNode item : items) {
            LocalizedText t = localized(item.mapping(), NOTICE_MAX);
            notices.add(t);
        }
        return notices.contains(null) ? null : notices;
    }

    /** PEM certificate files, each checked: it exists, is PEM and holds a certificate; {@code fix} says which file to give. */
    private List<Path> pemFiles(ConfigNode n, String fix) {
        List<ConfigNode> items = n.list();
        if (items == null) {
            return null;
        }
        List<Path> anchors = new ArrayList<>();
        boolean ok = true;
        for (ConfigNode item : items) {
            String text = item.text();
            Path p = text == null ? null : path(item, text);
            Complaint c = p == null || !filesHere ? null : pemCertificateComplaint(p, fix);
            if (c != null) {
                item.complain(c.problem(), c.fix());
            }
            if (p == null || c != null) {
                ok = false;
            } else {
                anchors.add(p);
            }
        }
        return ok ? anchors : null;
    }

    /** Null when {@code file} holds at least one X.509 certificate in PEM form and nothing the certificate reader refuses. */
    private static Complaint pemCertificateComplaint(Path file, String fix) {
        try {
            if (!Files.exists(file)) {
                return new Complaint("does not exist (looked for " + file + ")", fix);
            }
            if (!Files.isRegularFile(file)) {
                return new Complaint("is not a file (" + file + ")", fix);
            }
            if (Files.size(file) > PEM_MAX_BYTES) {
                return new Complaint("is too large to be a certificate (" + file + ")", fix);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (!new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----")) {
                return new Complaint("is not a PEM certificate (" + file + ")", fix
                        + "; convert a binary .cer with: openssl x509 -inform der -in FILE.cer -out FILE.pem");
            }
            if (CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes)).isEmpty()) {
                return new Complaint("holds no certificate (" + file + ")", fix);
            }
            return null;
        } catch (AccessDeniedException e) {
            return new Complaint("cannot be read (permission denied: " + file + ")", "let the kiosk's user read it");
        } catch (IOException | CertificateException e) {
            return new Complaint("is not a readable PEM certificate (" + file + ")", fix);
        }
    }

    private MaintenanceSettings maintenance(ConfigNode s) {
        ConfigNode hashNode = s.get("pinHash").hidden();
        Optional<String> hashText = hashNode.optionalText();
        PinHash hash = null;
        boolean hashOk = true;
        if (hashText.isPresent()) {
            String h = hashText.get();
            if (h.strip().matches("[0-9]{1,12}")) {
                hashNode.complain("looks like a PIN, not the hash of one", "store only the PIN's hash here, never the PIN itself: "
                        + "run ./kiosk pin-hash and paste the line it prints");
                hashOk = false;
            } else {
                try {
                    hash = PinHash.parse(h);
                } catch (IllegalArgumentException e) {
                    hashNode.complain(e.getMessage(), "run ./kiosk pin-hash and paste the whole line it prints, or null for no PIN");
                    hashOk = false;
                }
            }
        }
        Integer attempts = inRange(s.get("lockoutAttempts"), 3, 20, "give a number of wrong PINs from 3 to 20, e.g. 5");
        Duration lockout = seconds(s.get("lockout"), 60, 86_400);
        Duration idle = seconds(s.get("idleTimeout"), 30, 3_600);
        s.rejectUnknownKeys();
        if (!hashOk || !allSet(attempts, lockout, idle)) {
            return null;
        }
        return new MaintenanceSettings(Optional.ofNullable(hash), attempts, lockout, idle);
    }

    private FleetSettings fleet(ConfigNode s) {
        List<Path> keys = adminKeys(s.get("adminKeys"));
        Duration pollWait = seconds(s.get("pollWait"), 5, 60);
        s.rejectUnknownKeys();
        return allSet(keys, pollWait) ? new FleetSettings(keys, pollWait) : null;
    }

    private List<Path> adminKeys(ConfigNode n) {
        List<ConfigNode> items = n.list();
        if (items == null) {
            return null;
        }
        List<Path> keys = new ArrayList<>();
        boolean ok = true;
        for (ConfigNode item : items) {
            String text = item.text();
            Path p = text == null ? null : path(item, text);
            if (p == null) {
                ok = false;
                continue;
            }
            try {
                AdminKeyPair.readPublicKey(p);
                keys.add(p);
            } catch (SigningException e) {
                // the reader's message starts with the file it read; the complaint names the file once
                String why = e.getMessage().startsWith(p + ": ") ? e.getMessage().substring(p.toString().length() + 2) : e.getMessage();
                item.complain("is not an admin public key the kiosk can trust (" + p + ": " + why + ")",
                        "give the admin-key.pub file written by ./kiosk admin keygen, as the admin who pushes config sent it");
                ok = false;
            }
        }
        return ok ? keys : null;
    }

    private Duration seconds(ConfigNode n, int min, int max) {
        Integer s = n.whole(SECONDS_FIX);
        if (s != null && (s < min || s > max)) {
            n.complain("is outside " + min + "–" + max + " seconds", "give whole seconds from " + min + " to " + max);
            return null;
        }
        return s == null ? null : Duration.ofSeconds(s);
    }

    private static Integer inRange(ConfigNode n, int min, int max, String fix) {
        Integer v = n.whole();
        if (v != null && (v < min || v > max)) {
            n.complain("is outside " + min + "–" + max, fix);
            return null;
        }
        return v;
    }

    /** A path from the configuration, relative ones taken from the directory of the file that set it. */
    private Path path(ConfigNode n, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            n.complain("is blank", "give a file path, or null for none");
            return null;
        }
        try {
            Path p = Path.of(t);
            return (p.isAbsolute() ? p : problems.baseDir(n.path()).resolve(p)).normalize();
        } catch (InvalidPathException e) {
            n.complain("is not a file path (" + e.getReason() + ")", "give a path such as certs/platform.pem");
            return null;
        }
    }

    private static boolean allSet(Object... parts) {
        return Arrays.stream(parts).allMatch(Objects::nonNull);
    }
}
