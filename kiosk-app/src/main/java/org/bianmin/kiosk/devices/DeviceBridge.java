package org.bianmin.kiosk.devices;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bianmin.config.DeviceKind;
import org.bianmin.config.DeviceSettings;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceState;
import org.bianmin.device.gpio.Indicators;
import org.bianmin.device.gpio.Light;
import org.bianmin.device.gpio.SensorEvent;
import org.bianmin.device.idcard.IdCardEvent;
import org.bianmin.device.printer.PrinterEvent;
import org.bianmin.device.scanner.CodeScanned;
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
 * while the kiosk waits for a card. It follows the devices through {@link KioskDevices}, so a device reopened
 * with new settings is followed as its predecessor was, and the services it is required for follow its new
 * {@code required} flag. Device events arrive on the devices' own threads; the machine takes inputs from any
 * thread, so nothing here touches a screen.
 */
public final class DeviceBridge implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeviceBridge.class);

    private final VisitMachine machine;
    private final KioskDevices devices;
    private final List<Runnable> detach = new ArrayList<>();
    private final Map<String, DeviceHealth> health = new ConcurrentHashMap<>();
    private volatile Set<Availability.Equipment> required;
    private volatile boolean receiptPaperOut;
    private volatile boolean guideBlinking;

    public DeviceBridge(VisitMachine machine, KioskDevices devices) {
        this.machine = machine;
        this.devices = devices;
        this.required = required(devices.settings());
    }

    /** The devices the settings call required, as the visit names them. */
    public static Set<Availability.Equipment> required(DeviceSettings d) {
        Set<Availability.Equipment> required = EnumSet.noneOf(Availability.Equipment.class);
        if (d.required(DeviceKind.ID_CARD)) {
            required.add(Availability.Equipment.ID_CARD_READER);
        }
        if (d.required(DeviceKind.QR_SCANNER)) {
            required.add(Availability.Equipment.SCANNER);
        }
        if (d.required(DeviceKind.DOCUMENT_PRINTER)) {
            required.add(Availability.Equipment.DOCUMENT_PRINTER);
        }
        if (d.required(DeviceKind.RECEIPT_PRINTER)) {
            required.add(Availability.Equipment.RECEIPT_PRINTER);
        }
        return required;
    }

    /** Subscribes to every device, arms the card reader and tells the machine what is available. */
    public void start() {
        detach.add(devices.listen(DeviceKind.ID_CARD.deviceName(), this::onReaderEvent));
        detach.add(devices.listen(DeviceKind.QR_SCANNER.deviceName(), this::onScannerEvent));
        detach.add(devices.listen(DeviceKind.RECEIPT_PRINTER.deviceName(), this::onPrinterEvent));
        detach.add(devices.listen(DeviceKind.DOCUMENT_PRINTER.deviceName(), e -> availabilityChanged()));
        detach.add(devices.listen("sensors", this::onSensorEvent));
        detach.add(devices.addChangeListener(this::devicesChanged));
        armReader();
        machine.addViewListener(this::followView);
        availabilityChanged();
    }

    /**
     * Devices were reopened with new settings, or only their {@code required} flags changed: the new card reader is
     * armed, a new receipt printer starts with paper as far as anyone knows, and what is available is told again.
     */
    private void devicesChanged(Set<String> reopened) {
        required = required(devices.settings());
        if (reopened.contains(DeviceKind.RECEIPT_PRINTER.deviceName())) {
            receiptPaperOut = false;
        }
        if (reopened.contains("lights")) {
            guideBlinking = false;
        }
        armReader();
        availabilityChanged();
    }

    private void armReader() {
        devices.reader().ifPresent(r -> {
            if (r.state() == DeviceState.ENABLED && !r.armed()) {
                r.arm();
            }
        });
    }

    private void onReaderEvent(DeviceEvent e) {
        switch (e) {
            case IdCardEvent.CardPlaced p -> machine.cardPlaced(p.identity());
            case IdCardEvent.CardRemoved r -> machine.cardRemoved();
            case IdCardEvent.CardReadFailed f -> machine.cardFailed(f.error());
            case DeviceEvent.Reconnected r -> {
                armReader();
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
        if (h.usable() && h.name().equals(DeviceKind.ID_CARD.deviceName())) {
            armReader();
        }
        availabilityChanged();
    }

    private void availabilityChanged() {
        Availability now = new Availability(devices.reader().map(this::usable).orElse(false),
                devices.scanner().map(this::usable).orElse(false), usable(devices.documentPrinter()),
                devices.receiptPrinter().map(this::usable).orElse(false) && !receiptPaperOut, required);
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
        devices.indicators().ifPresent(i -> {
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
        devices.reader().ifPresent(r -> {
            if (r.armed()) {
                r.disarm();
            }
        });
    }
}
