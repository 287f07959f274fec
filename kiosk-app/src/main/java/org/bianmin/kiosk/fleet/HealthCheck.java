package org.bianmin.kiosk.fleet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bianmin.config.KioskConfig;

/** The kiosk's check, right after a configuration was applied, that it can still serve citizens and reach the fleet. */
@FunctionalInterface
public interface HealthCheck {

    /** Checks the kiosk as it runs {@code applied}. */
    Health check(KioskConfig applied);

    /**
     * The verdict of a health check.
     *
     * @param problem one line saying what is wrong, e.g. "the required ID card reader on /dev/ttyUSB3 does not answer";
     *                empty when healthy
     * @param notes   what an admin should know of a healthy config, each in one line, e.g. that a service it names is
     *                not offered here; reported with the applied status
     */
    record Health(Optional<String> problem, List<String> notes) {
        public Health {
            Objects.requireNonNull(problem, "problem");
            notes = List.copyOf(notes);
        }

        public static Health ok() {
            return new Health(Optional.empty(), List.of());
        }

        /** Healthy, with {@code notes} for the admin. */
        public static Health ok(List<String> notes) {
            return new Health(Optional.empty(), notes);
        }

        public static Health failing(String problem) {
            if (problem == null || problem.isBlank()) {
                throw new IllegalArgumentException("a failing health check says what failed");
            }
            return new Health(Optional.of(problem.strip()), List.of());
        }

        public boolean isOk() {
            return problem.isEmpty();
        }
    }
}
