package org.bianmin.kiosk.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceState;
import org.bianmin.device.gpio.Indicators;
import org.bianmin.device.gpio.Light;
import org.bianmin.device.gpio.SensorEvent;
import org.bianmin.device.gpio.Sensors;
import org.bianmin.device.idcard.IdCardEvent;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.printer.PrinterEvent;
import org.bianmin.device.printer.ReceiptPrinter;
import org.bianmin.device.scanner.CodeScanned;
import org.bianmin.device.scanner.QrScanner;
import org.bianmin.kiosk.visit.Availability;
import org.bianmin.kiosk.visit.IdentifyMethod;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the kiosk's devices to the visit: a card placed or lifted, a code scanned, someone walking
 * up become the machine's inputs; link losses, printer faults and the {@link DeviceSupervisor}'s verdicts
 * (a device failing its health checks, or down) change which services are offered; the guide light blinks
 * while the kiosk waits for a card. Device events arrive on the devices' own threads; the machine takes
 * inputs from any thread, so nothing here touches a screen.
 */
public final class DeviceBridge implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeviceBridge.class);

    private final VisitMachine machine;
    private final Optional<IdCardReader> reader;
    private final Optional<QrScanner> scanner;
    private final Optional<ReceiptPrinter> receiptPrinter;
    private final Device documentPrinter;
    private final Optional<Sensors> sensors;
    private final Optional<Indicators> indicators;
    private final Set<Availability.Equipment> required;
    private final List<Runnable> detach = new ArrayList<>();
    private final Map<String, DeviceHealth> health = new ConcurrentHashMap<>();
    private volatile boolean receiptPaperOut;
    private volatile boolean guideBlinking;

    /** With the default required devices ({@link Availability#DEFAULT_REQUIRED}). */
    public DeviceBridge(VisitMachine machine, Optional<IdCardReader> reader, Optional<QrScanner> scanner,
                        Optional<ReceiptPrinter> receiptPrinter, Device documentPrinter, Optional<Sensors> sensors,
                        Optional<Indicators> indicators) {
        this(machine, reader, scanner, receiptPrinter, documentPrinter, sensors, indicators, Availability.DEFAULT_REQUIRED);
    }

    /** @param required the devices the config calls required */
    public DeviceBridge(VisitMachine machine, Optional<IdCardReader> reader, Optional<QrScanner> scanner,
                        Optional<ReceiptPrinter> receiptPrinter, Device documentPrinter, Optional<Sensors> sensors,
                        Optional<Indicators> indicators, Set<Availability.Equipment> required) {
        this.required = Set.copyOf(required);
        this.machine = machine;
        this.reader = reader;
        this.scanner = scanner;
        this.receiptPrinter = receiptPrinter;
        this.documentPrinter = documentPrinter;
        this.sensors = sensors;
        this.indicators = indicators;
    }

    /** Subscribes to every device, arms the card reader and tells the machine what is available. */
    public void start() {
        reader.ifPresent(r -> {
            listen(r, this::onReaderEvent);
            if (r.state() == DeviceState.ENABLED) {
                r.arm();
            }
        });
        scanner.ifPresent(s -> listen(s, this::onScannerEvent));
        receiptPrinter.ifPresent(p -> listen(p, this::onPrinterEvent));
        listen(documentPrinter, e -> availabilityChanged());
        sensors.ifPresent(s -> listen(s, this::onSensorEvent));
        machine.addViewListener(this::followView);
        availabilityChanged();
    }

    private void listen(Device d, Consumer<DeviceEvent> l) {
        d.addListener(l);
        detach.add(() -> d.removeListener(l));
    }

    private void onReaderEvent(DeviceEvent e) {
        switch (e) {
            case IdCardEvent.CardPlaced p -> machine.cardPlaced(p.identity());
            case IdCardEvent.CardRemoved r -> machine.cardRemoved();
            case IdCardEvent.CardReadFailed f -> machine.cardFailed(f.error());
            case DeviceEvent.Reconnected r -> {
                reader.ifPresent(rd -> {
                    if (rd.state() == DeviceState.ENABLED && !rd.armed()) {
                        rd.arm();
                    }
                });
                availabilityChanged();
            }
            default -> availabilityChanged();
        }
    }

    private void onScannerEvent(DeviceEvent e) {
        if (e instanceof CodeScanned c) {
            machine.codeScanned(c.code());
        } else {
            availabilityChanged();
        }
    }

    private void onPrinterEvent(DeviceEvent e) {
        switch (e) {
            case PrinterEvent.PaperOut p -> receiptPaperOut = true;
            case PrinterEvent.Cleared c -> receiptPaperOut = false;
            default -> { }
        }
        availabilityChanged();
    }

    private void onSensorEvent(DeviceEvent e) {
        if (e instanceof SensorEvent.PresenceDetected) {
            machine.wake();
        }
    }

    /**
     * The supervisor's new verdict on a device: a device failing its checks or down is taken out of the
     * services that need it until it is back. A card reader back in service is armed again.
     */
    public void healthChanged(DeviceHealth h) {
        health.put(h.name(), h);
        if (h.usable()) {
            reader.filter(r -> r.name().equals(h.name()) && r.state() == DeviceState.ENABLED && !r.armed()).ifPresent(IdCardReader::arm);
        }
        availabilityChanged();
    }

    private void availabilityChanged() {
        Availability now = new Availability(reader.map(this::usable).orElse(false),
                scanner.map(this::usable).orElse(false), usable(documentPrinter),
                receiptPrinter.map(this::usable).orElse(false) && !receiptPaperOut, required);
        log.debug("devices: {}", now);
        machine.devicesChanged(now);
    }

    private boolean usable(Device d) {
        return d.state() == DeviceState.ENABLED && Optional.ofNullable(health.get(d.name())).map(DeviceHealth::usable).orElse(true);
    }

    /** The guide light blinks while the kiosk waits for a card and is dark otherwise. */
    private void followView(VisitView v) {
        boolean wantBlink = v.step() == Step.IDENTIFY && v.methods().contains(IdentifyMethod.ID_CARD)
                && v.identifyPhase() == VisitView.IdentifyPhase.WAITING;
        if (wantBlink == guideBlinking) {
            return;
        }
        guideBlinking = wantBlink;
        indicators.ifPresent(i -> {
            try {
                if (wantBlink) {
                    i.blink(Light.GUIDE, Indicators.WAITING_FOR_CARD);
                } else {
                    i.off(Light.GUIDE);
                }
            } catch (IllegalStateException e) {
                log.warn("guide light not set: {}", e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        detach.forEach(Runnable::run);
        detach.clear();
        reader.ifPresent(r -> {
            if (r.armed()) {
                r.disarm();
            }
        });
    }
}
