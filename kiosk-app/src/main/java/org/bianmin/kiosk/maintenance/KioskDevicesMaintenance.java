package org.bianmin.kiosk.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bianmin.config.DeviceKind;
import org.bianmin.config.DevicePort;
import org.bianmin.config.DeviceSettings;
import org.bianmin.config.DocumentDestination;
import org.bianmin.config.GpioSettings;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.PersonalData;
import org.bianmin.device.document.DocumentPrinter;
import org.bianmin.device.document.DocumentPrinterStatus;
import org.bianmin.device.gpio.Indicators;
import org.bianmin.device.gpio.Light;
import org.bianmin.device.gpio.LightMode;
import org.bianmin.device.gpio.Sensors;
import org.bianmin.device.gpio.TamperAck;
import org.bianmin.device.idcard.CardRead;
import org.bianmin.device.idcard.IdCardEvent;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.Identity;
import org.bianmin.device.printer.PrinterEvent;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.printer.ReceiptPrinter;
import org.bianmin.device.scanner.QrScanner;
import org.bianmin.device.scanner.ScannedCode;
import org.bianmin.kiosk.devices.DeviceHealth;
import org.bianmin.kiosk.devices.DeviceSupervisor;
import org.bianmin.kiosk.devices.KioskDevices;
import org.bianmin.kiosk.devices.LinkTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MaintenanceDevices} over the kiosk's {@link KioskDevices} and their {@link DeviceSupervisor}: health, last error,
 * paper and counters as the supervisor last found them (the same the fleet's heartbeat carries), refined by the events
 * the devices report and the technician's own checks; actions through the devices' own health checks, status and scan
 * calls; power cycles through the supervisor's relay; port and protocol from the config.
 */
public final class KioskDevicesMaintenance implements MaintenanceDevices, AutoCloseable {
    public static final List<String> NAMES = List.of("id-card", "qr-scanner", "receipt-printer", "document-printer", "lights", "sensors");
    private static final Logger log = LoggerFactory.getLogger(KioskDevicesMaintenance.class);
    /** An 18- or 15-character resident ID number inside a scanned code. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])");

    private final KioskDevices devices;
    private final DeviceSupervisor supervisor;
    private final Executor worker;
    private final Clock clock;
    private final Map<String, DeviceStatus.LastError> lastErrors = new ConcurrentHashMap<>();
    private final Map<String, Boolean> lastCheckFailed = new ConcurrentHashMap<>();
    private final Map<String, DeviceStatus.Paper> paper = new ConcurrentHashMap<>();
    private final Map<String, Boolean> coverOpen = new ConcurrentHashMap<>();
    private final List<Runnable> detach = new ArrayList<>();

    /** @param worker runs the devices' blocking health checks */
    public KioskDevicesMaintenance(KioskDevices devices, DeviceSupervisor supervisor, Executor worker, Clock clock) {
        this.devices = devices;
        this.supervisor = supervisor;
        this.worker = worker;
        this.clock = clock;
        for (String name : NAMES) {
            detach.add(devices.listen(name, this::onEvent));
        }
        detach.add(devices.addChangeListener(this::reopened));
    }

    /** What was seen of a device's predecessor says nothing of the device reopened in its place. */
    private void reopened(Set<String> names) {
        for (String name : names) {
            lastErrors.remove(name);
            lastCheckFailed.remove(name);
            paper.remove(name);
            coverOpen.remove(name);
        }
    }

    private void onEvent(DeviceEvent e) {
        switch (e) {
            case DeviceEvent.Disconnected d -> error(d.device(), d.cause().code(), d.detail(), d.at());
            case IdCardEvent.CardReadFailed f -> error(f.device(), f.error().code(), f.detail(), f.at());
            case PrinterEvent.PaperLow p -> paper.put(p.device(), DeviceStatus.Paper.LOW);
            case PrinterEvent.PaperOut p -> {
                paper.put(p.device(), DeviceStatus.Paper.OUT);
                error(p.device(), DeviceError.PAPER_OUT.code(), "paper out", p.at());
            }
            case PrinterEvent.CoverOpen c -> {
                coverOpen.put(c.device(), true);
                error(c.device(), DeviceError.COVER_OPEN.code(), "cover open", c.at());
            }
            case PrinterEvent.Cleared c -> {
                switch (c.condition()) {
                    case PAPER_LOW, PAPER_OUT -> paper.put(c.device(), DeviceStatus.Paper.OK);
                    case COVER_OPEN -> coverOpen.put(c.device(), false);
                }
            }
            default -> { }
        }
    }

    private void error(String device, String code, String detail, Instant at) {
        lastErrors.put(device, new DeviceStatus.LastError(code, detail == null ? "" : detail, at));
    }

    private Optional<? extends Device> device(String name) {
        return switch (name) {
            case "id-card" -> devices.reader();
            case "qr-scanner" -> devices.scanner();
            case "receipt-printer" -> devices.receiptPrinter();
            case "document-printer" -> Optional.ofNullable(devices.documentPrinter());
            case "lights" -> devices.indicators();
            case "sensors" -> devices.sensors();
            default -> Optional.empty();
        };
    }

    @Override
    public List<DeviceStatus> devices() {
        List<DeviceStatus> list = new ArrayList<>();
        for (String name : NAMES) {
            if ((name.equals("lights") || name.equals("sensors")) && !devices.settings().gpio().enabled()) {
                continue;
            }
            list.add(status(name));
        }
        return list;
    }

    private DeviceStatus status(String name) {
        Optional<DeviceStatus> supervised = supervisor.health(name).map(h -> supervised(name, h));
        return supervised.orElseGet(() -> observed(name));
    }

    /**
     * The supervisor's last periodic check joined with what was seen since: the device's events, the technician's own
     * checks and its live counters. The worse health of the two wins, and the newer last error.
     */
    private DeviceStatus supervised(String name, DeviceHealth h) {
        DeviceStatus seen = observed(name);
        DeviceStatus.Health checked = DeviceStatus.Health.valueOf(h.health().name());
        DeviceStatus.Health health = seen.health().compareTo(checked) > 0 ? seen.health() : checked;
        Optional<DeviceStatus.LastError> checkedError = h.lastError().map(e -> new DeviceStatus.LastError(e.code(), e.detail(), e.at()));
        Optional<DeviceStatus.Paper> checkedPaper = h.paper().map(p -> DeviceStatus.Paper.valueOf(p.name()));
        return new DeviceStatus(name, required(name), health, seen.state().or(() -> Optional.of(h.state().name())),
                newest(checkedError, seen.lastError()), seen.counters().isEmpty() ? h.counters() : seen.counters(), seen.port(),
                seen.protocol(), seen.baud(), seen.paper().or(() -> checkedPaper));
    }

    private static Optional<DeviceStatus.LastError> newest(Optional<DeviceStatus.LastError> a, Optional<DeviceStatus.LastError> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().at().isAfter(b.get().at()) ? a : b;
    }

    private DeviceStatus observed(String name) {
        Optional<? extends Device> d = device(name);
        Optional<DeviceState> state = d.map(Device::state);
        Optional<DeviceStatus.Paper> p = Optional.ofNullable(paper.get(name));
        DeviceStatus.Health health;
        if (state.isEmpty() || state.get() == DeviceState.CLOSED) {
            health = DeviceStatus.Health.DOWN;
        } else if (state.get() == DeviceState.DISCONNECTED || Boolean.TRUE.equals(lastCheckFailed.get(name))
                || p.orElse(DeviceStatus.Paper.OK) == DeviceStatus.Paper.OUT || Boolean.TRUE.equals(coverOpen.get(name))) {
            health = DeviceStatus.Health.FAILING;
        } else if (state.get() == DeviceState.OPEN || p.orElse(DeviceStatus.Paper.OK) == DeviceStatus.Paper.LOW) {
            health = DeviceStatus.Health.WARNING;
        } else {
            health = DeviceStatus.Health.OK;
        }
        Optional<DeviceStatus.LastError> last = Optional.ofNullable(lastErrors.get(name));
        if (last.isEmpty() && d.isEmpty()) {
            last = devices.problems().stream().filter(pr -> pr.startsWith(name + ":") || pr.startsWith("gpio:")).findFirst()
                    .map(pr -> new DeviceStatus.LastError(DeviceError.BAD_SETTINGS.code(), pr, clock.instant()));
        }
        Map<String, Long> counters = d.map(x -> x.statistics().snapshot()).orElse(Map.of());
        return new DeviceStatus(name, required(name), health, state.map(Enum::name), last, counters, port(name), protocol(name),
                baud(name), p);
    }

    private boolean required(String name) {
        DeviceSettings settings = devices.settings();
        return switch (name) {
            case "id-card" -> settings.idCard().required();
            case "qr-scanner" -> settings.qrScanner().required();
            case "receipt-printer" -> settings.receiptPrinter().required();
            case "document-printer" -> settings.documentPrinter().required();
            default -> false;
        };
    }

    private String port(String name) {
        DeviceSettings settings = devices.settings();
        GpioSettings g = settings.gpio();
        return switch (name) {
            case "id-card" -> serial(settings.idCard().port().spec(), settings.idCard().simulated());
            case "qr-scanner" -> serial(settings.qrScanner().port().spec(), settings.qrScanner().simulated());
            case "receipt-printer" -> serial(settings.receiptPrinter().port().spec(), settings.receiptPrinter().simulated());
            case "document-printer" -> switch (settings.documentPrinter().destination()) {
                case DocumentDestination.CupsQueue q -> "CUPS " + q.name();
                case DocumentDestination.Spool s -> "spool " + s.directory();
            };
            case "lights" -> "BCM " + g.lights().cardReader() + ", " + g.lights().fault();
            case "sensors" -> "BCM " + g.presenceSensor() + ", " + g.doorSwitch();
            default -> "";
        };
    }

    private static String serial(String spec, boolean simulated) {
        return simulated ? "simulator (" + spec + " when real)" : spec;
    }

    private String protocol(String name) {
        DeviceSettings settings = devices.settings();
        return switch (name) {
            case "id-card" -> "SAM_V";
            case "qr-scanner" -> "serial, trigger " + settings.qrScanner().protocol().key();
            case "receipt-printer" -> "ESC/POS " + settings.receiptPrinter().width().millimetres() + " mm";
            case "document-printer" -> settings.documentPrinter().simulated() ? "PDF into a directory" : "IPP (CUPS)";
            default -> settings.gpio().simulated() ? "GPIO (mock)" : "GPIO (gpiod)";
        };
    }

    private OptionalInt baud(String name) {
        DeviceSettings settings = devices.settings();
        return switch (name) {
            case "id-card" -> OptionalInt.of(settings.idCard().baud());
            case "qr-scanner" -> OptionalInt.of(settings.qrScanner().baud());
            case "receipt-printer" -> settings.receiptPrinter().port() instanceof DevicePort.Serial
                    ? OptionalInt.of(settings.receiptPrinter().baud()) : OptionalInt.empty();
            default -> OptionalInt.empty();
        };
    }

    @Override
    public Set<DeviceAction> actions(String device) {
        return switch (device) {
            case "id-card", "qr-scanner" -> EnumSet.of(DeviceAction.INTERNAL_CHECK, DeviceAction.EXTERNAL_CHECK, DeviceAction.POWER_CYCLE);
            case "receipt-printer" -> EnumSet.allOf(DeviceAction.class);
            case "document-printer" -> EnumSet.of(DeviceAction.INTERNAL_CHECK, DeviceAction.STATUS, DeviceAction.POWER_CYCLE);
            case "lights", "sensors" -> EnumSet.of(DeviceAction.INTERNAL_CHECK);
            default -> EnumSet.noneOf(DeviceAction.class);
        };
    }

    @Override
    public CompletableFuture<CheckResult> run(String name, DeviceAction action, Duration wait) {
        Optional<? extends Device> d = device(name);
        if (!actions(name).contains(action)) {
            return done(CheckResult.failed(name, action, "not-offered", Optional.empty(), "", clock.instant()));
        }
        if (action == DeviceAction.POWER_CYCLE) {
            Optional<String> unavailable = powerCycleUnavailable(name);
            if (unavailable.isPresent()) {
                return done(CheckResult.failed(name, action, "power.unavailable", Optional.empty(), unavailable.get(), clock.instant()));
            }
            return supervisor.powerCycle(name)
                    .thenApply(h -> h.usable()
                            ? CheckResult.ok(name, action, "power.cycled", List.of(), h.toString(), clock.instant())
                            : CheckResult.failed(name, action, "power.still-failing", h.lastError().map(DeviceHealth.LastError::code),
                                    h.toString(), clock.instant()))
                    .exceptionally(t -> failure(name, action, t));
        }
        if (d.isEmpty()) {
            return done(CheckResult.failed(name, action, "not-open", Optional.of(DeviceError.BAD_SETTINGS.code()),
                    status(name).lastError().map(DeviceStatus.LastError::detail).orElse(""), clock.instant()));
        }
        CompletableFuture<CheckResult> f = switch (action) {
            case INTERNAL_CHECK -> health(name, d.get(), HealthLevel.INTERNAL, "internal.ok");
            case EXTERNAL_CHECK -> switch (d.get()) {
                case IdCardReader r -> readTestCard(r, wait);
                case QrScanner s -> scanTest(s, wait);
                default -> health(name, d.get(), HealthLevel.EXTERNAL, "receipt.printed");
            };
            case STATUS -> switch (d.get()) {
                case ReceiptPrinter p -> p.status().thenApply(s -> receiptStatus(name, s));
                case DocumentPrinter p -> p.status().thenApply(s -> documentStatus(name, s));
                default -> done(CheckResult.failed(name, action, "not-offered", Optional.empty(), "", clock.instant()));
            };
            case POWER_CYCLE -> throw new IllegalStateException("handled above");
        };
        return f.exceptionally(t -> failure(name, action, t)).thenApply(this::remember);
    }

    private CheckResult remember(CheckResult r) {
        if (r.action() != DeviceAction.POWER_CYCLE && !r.key().equals("not-offered")) {
            boolean deviceFault = !r.ok() && !r.key().equals("card.none") && !r.key().equals("scan.none");
            lastCheckFailed.put(r.device(), deviceFault);
            if (deviceFault) {
                error(r.device(), r.errorCode().orElse(DeviceError.INTERNAL.code()), r.detail(), r.at());
            }
        }
        return r;
    }

    private CompletableFuture<CheckResult> health(String name, Device d, HealthLevel level, String okKey) {
        DeviceAction action = level == HealthLevel.INTERNAL ? DeviceAction.INTERNAL_CHECK : DeviceAction.EXTERNAL_CHECK;
        return CompletableFuture.supplyAsync(() -> {
            HealthReport r = d.checkHealth(level);
            return r.healthy() ? CheckResult.ok(name, action, okKey, List.of(), r.detail(), clock.instant())
                    : CheckResult.failed(name, action, "check-failed", r.errorIfAny().map(DeviceError::code), r.detail(), clock.instant());
        }, worker);
    }

    /**
     * Waits for the next card the reader reads (it polls while the kiosk runs) and keeps only the masked name and
     * number; when the reader is not polling, reads once.
     */
    private CompletableFuture<CheckResult> readTestCard(IdCardReader reader, Duration wait) {
        String name = reader.name();
        CompletableFuture<CheckResult> done = new CompletableFuture<>();
        Consumer<DeviceEvent> listener = e -> {
            switch (e) {
                case IdCardEvent.CardPlaced p -> done.complete(cardRead(name, p.card()));
                case IdCardEvent.CardReadFailed f -> done.complete(CheckResult.failed(name, DeviceAction.EXTERNAL_CHECK, "check-failed",
                        Optional.of(f.error().code()), f.detail(), clock.instant()));
                default -> { }
            }
        };
        reader.addListener(listener);
        if (!reader.armed()) {
            reader.read().whenComplete((card, failure) -> {
                if (failure != null) {
                    done.complete(failure(name, DeviceAction.EXTERNAL_CHECK, failure));
                } else {
                    done.complete(cardRead(name, card));
                }
            });
        }
        done.completeOnTimeout(CheckResult.failed(name, DeviceAction.EXTERNAL_CHECK, "card.none", Optional.of(DeviceError.NO_CARD.code()),
                "no card was read within " + wait.toSeconds() + " s", clock.instant()), wait.toMillis(),
                TimeUnit.MILLISECONDS);
        return done.whenComplete((r, t) -> reader.removeListener(listener));
    }

    private CheckResult cardRead(String device, CardRead card) {
        Identity id = card.identity();
        return CheckResult.ok(device, DeviceAction.EXTERNAL_CHECK, "card.read",
                List.of(PersonalData.maskName(id.name()), PersonalData.maskIdNumber(id.number()), id.type().zh()), "", clock.instant());
    }

    private CompletableFuture<CheckResult> scanTest(QrScanner scanner, Duration wait) {
        String name = scanner.name();
        return scanner.scanOnce(wait).thenApply(c -> CheckResult.ok(name, DeviceAction.EXTERNAL_CHECK, "scan.read",
                List.of(shownCode(c.text()), c.symbology().name()), c.text().length() + " characters", clock.instant()));
    }

    /** A scanned code as the technician may see it: ID numbers in it masked, a technician code hidden but for its prefix. */
    static String shownCode(String text) {
        if (text.startsWith("BMTECH1:")) {
            return ScannedCode.mask(text);
        }
        return ID_NUMBER.matcher(text).replaceAll(m -> PersonalData.maskIdNumber(m.group()));
    }

    private CheckResult receiptStatus(String name, PrinterStatus s) {
        DeviceStatus.Paper p = s.paperOut() ? DeviceStatus.Paper.OUT : s.paperNearEnd() ? DeviceStatus.Paper.LOW : DeviceStatus.Paper.OK;
        paper.put(name, p);
        coverOpen.put(name, s.coverOpen());
        List<String> args = List.of(p.name().toLowerCase(Locale.ROOT), s.coverOpen() ? "open" : "closed");
        return s.problem().isEmpty() ? CheckResult.ok(name, DeviceAction.STATUS, "status.receipt", args, s.summary(), clock.instant())
                : new CheckResult(name, DeviceAction.STATUS, false, "status.receipt", args, s.problem().map(DeviceError::code), s.summary(),
                        clock.instant());
    }

    private CheckResult documentStatus(String name, DocumentPrinterStatus s) {
        List<String> args = List.of(s.state().name().toLowerCase(Locale.ROOT), s.reasons().isEmpty() ? "-" : String.join(", ", s.reasons()));
        return s.problem().isEmpty() ? CheckResult.ok(name, DeviceAction.STATUS, "status.document", args, s.message(), clock.instant())
                : new CheckResult(name, DeviceAction.STATUS, false, "status.document", args, s.problem().map(DeviceError::code), s.message(),
                        clock.instant());
    }

    private CheckResult failure(String name, DeviceAction action, Throwable t) {
        Throwable cause = t;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof DeviceException e) {
            String key = e.error() == DeviceError.NO_CODE ? "scan.none" : e.error() == DeviceError.NO_CARD ? "card.none" : "check-failed";
            return CheckResult.failed(name, action, key, Optional.of(e.error().code()), e.getMessage(), clock.instant());
        }
        log.warn("{} {} failed unexpectedly: {}", name, action, String.valueOf(cause));
        return CheckResult.failed(name, action, "check-failed", Optional.of(DeviceError.INTERNAL.code()), String.valueOf(cause.getMessage()),
                clock.instant());
    }

    private static CompletableFuture<CheckResult> done(CheckResult r) {
        return CompletableFuture.completedFuture(r);
    }

    @Override
    public Optional<String> powerCycleUnavailable(String device) {
        DeviceSettings settings = devices.settings();
        Optional<DeviceKind> kind = Arrays.stream(DeviceKind.values()).filter(k -> k.deviceName().equals(device)).findFirst();
        if (kind.isEmpty()) {
            return Optional.of("no-relay");
        }
        if (!settings.gpio().enabled()) {
            return Optional.of("no-gpio");
        }
        if (!settings.gpio().relays().containsKey(kind.get()) || devices.powerRelay().isEmpty()) {
            return Optional.of("no-relay");
        }
        return Optional.empty();
    }

    @Override
    public List<LinkTrace.Line> trace(String device) {
        return devices.trace(device).map(LinkTrace::lines).orElse(List.of());
    }

    @Override
    public GpioState gpio() {
        DeviceSettings settings = devices.settings();
        if (!settings.gpio().enabled()) {
            return GpioState.none("no-gpio");
        }
        Optional<Indicators> lights = devices.indicators();
        Optional<Sensors> sensors = devices.sensors();
        if (lights.isEmpty() || sensors.isEmpty()) {
            return GpioState.none("gpio-not-open");
        }
        Sensors s = sensors.get();
        return new GpioState(Optional.empty(), lights.get().mode(Light.GUIDE) != LightMode.OFF, lights.get().mode(Light.FAULT) != LightMode.OFF,
                s.someonePresent(), s.doorOpen(), s.tamperAlarmRaised());
    }

    @Override
    public void setLight(Light light, boolean on) {
        devices.indicators().ifPresent(i -> {
            try {
                if (on) {
                    i.on(light);
                } else {
                    i.off(light);
                }
            } catch (IllegalStateException e) {
                log.warn("{} light not set: {}", light, e.getMessage());
            }
        });
    }

    @Override
    public CompletableFuture<TamperAck> acknowledgeTamper() {
        return devices.sensors().map(Sensors::acknowledgeTamper).orElseGet(() -> CompletableFuture.completedFuture(TamperAck.NOTHING_RAISED));
    }

    /** Stops listening to the devices. */
    @Override
    public void close() {
        detach.forEach(Runnable::run);
        detach.clear();
    }
}
