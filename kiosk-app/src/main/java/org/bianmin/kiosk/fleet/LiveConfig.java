package org.bianmin.kiosk.fleet;

import java.util.Objects;
import java.util.Set;
import org.bianmin.config.KioskConfig;

/**
 * The running kiosk as a configuration can change it without a restart: the app implements it (services, notices,
 * timeouts and languages take effect at the next visit; devices whose settings changed are closed and reopened).
 */
@FunctionalInterface
public interface LiveConfig {

    /**
     * Makes {@code config} the one the kiosk runs; {@link ConfigSection#changed} tells what differs from the running one.
     *
     * @throws LiveConfigException with one line saying what could not be applied; the applier reverts
     */
    Applied apply(KioskConfig config) throws LiveConfigException;

    /**
     * What applying {@code config} now would first wait for, in one line for the admin (e.g. the end of a visit under
     * way before a device is reopened); empty when it applies at once. Reported with the pending status.
     */
    default String waitsFor(KioskConfig config) {
        return "";
    }

    /**
     * What an apply did.
     *
     * @param live        sections that took effect at once
     * @param reopened    the names of the devices closed and reopened with their new settings, e.g. {@code receipt-printer}
     * @param atNextStart sections that take effect only when the kiosk next starts (e.g. the backend URL)
     */
    record Applied(Set<ConfigSection> live, Set<String> reopened, Set<ConfigSection> atNextStart) {
        public Applied {
            live = Set.copyOf(Objects.requireNonNull(live, "live"));
            reopened = Set.copyOf(Objects.requireNonNull(reopened, "reopened"));
            atNextStart = Set.copyOf(Objects.requireNonNull(atNextStart, "atNextStart"));
        }

        /** Nothing needed doing. */
        public static Applied nothing() {
            return new Applied(Set.of(), Set.of(), Set.of());
        }
    }
}
