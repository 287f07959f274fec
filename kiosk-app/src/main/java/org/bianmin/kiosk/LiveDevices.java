package org.bianmin.kiosk;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.bianmin.config.DeviceSettings;
import org.bianmin.device.DeviceException;
import org.bianmin.kiosk.devices.DeviceSupervisor;
import org.bianmin.kiosk.devices.KioskDevices;
import org.bianmin.kiosk.fleet.LiveConfigException;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;

/**
 * The running kiosk's devices taking pushed settings: the devices whose settings changed are closed and opened with the
 * new ones between two visits (never while a citizen is served, the last visit's print order is still printing, or a
 * technician is in maintenance mode, whose device pages would lose the device under a test); the others run on
 * untouched. A change of {@code required} flags or of the supervisor's timing alone touches no driver and takes effect
 * at once. Everyone who uses a device asks {@link KioskDevices} for it, so all see the new one; the supervisor watches it
 * afresh and has checked it when {@link #apply} returns, for the health check that follows.
 */
final class LiveDevices {
    private final KioskDevices devices;
    private final DeviceSupervisor supervisor;
    private final VisitMachine machine;

    LiveDevices(KioskDevices devices, DeviceSupervisor supervisor, VisitMachine machine) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
        this.machine = Objects.requireNonNull(machine, "machine");
    }

    /**
     * Makes the devices run with {@code next}, waiting for the end of a visit under way when a device is reopened.
     *
     * @return the names of the devices reopened; empty when none needed it (e.g. only a {@code required} flag changed)
     * @throws LiveConfigException when the settings cannot run here, or the kiosk stops first; no device was touched then
     */
    Set<String> apply(DeviceSettings next) throws LiveConfigException {
        if (next.equals(devices.settings())) {
            return Set.of();
        }
        Set<String> reopened;
        if (devices.reopenedBy(next).isEmpty()) {
            try {
                reopened = change(next);
            } catch (DeviceException e) {
                throw new LiveConfigException(e.getMessage(), e);
            }
        } else {
            reopened = await(machine.betweenVisits(() -> change(next)), "its devices took the new settings");
        }
        if (!reopened.isEmpty()) {
            // a verdict on each new driver before the health check reads them; after any round of checks under way
            await(supervisor.check(reopened), "its reopened devices were checked");
        }
        return reopened;
    }

    /**
     * What {@link #apply} would wait for now, in one line for the admin: the visit under way, or the technician in
     * maintenance mode, before reopening the devices {@code next} changes; empty when it would not wait.
     */
    String waitsFor(DeviceSettings next) {
        Set<String> reopen = devices.reopenedBy(next);
        Step step = machine.view().step();
        if (reopen.isEmpty() || step == Step.IDLE) {
            return "";
        }
        return (step == Step.MAINTENANCE ? "waits for the technician to leave maintenance mode" : "waits for the visit under way to end")
                + " before reopening " + String.join(", ", new TreeSet<>(reopen));
    }

    private Set<String> change(DeviceSettings next) throws DeviceException {
        Set<String> reopened = devices.apply(next);
        supervisor.rewatch(new DeviceSupervisor.Change(reopened, devices.watched(), devices.powerRelay(),
                DeviceSupervisor.Settings.from(next.recovery())));
        return reopened;
    }

    private static <T> T await(CompletableFuture<T> done, String what) throws LiveConfigException {
        try {
            return done.get();
        } catch (InterruptedException e) {
            done.cancel(false);
            Thread.currentThread().interrupt();
            throw new LiveConfigException("the kiosk stopped before " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeviceException d) {
                throw new LiveConfigException(d.getMessage(), d);
            }
            throw new LiveConfigException("the devices could not take the new settings (" + e.getCause() + ")", e.getCause());
        }
    }
}
