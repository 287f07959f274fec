package org.bianmin.kiosk;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.bianmin.config.KioskConfig;
import org.bianmin.kiosk.fleet.ConfigSection;
import org.bianmin.kiosk.fleet.LiveConfig;
import org.bianmin.kiosk.fleet.LiveConfigException;
import org.bianmin.kiosk.visit.VisitMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running kiosk taking a new configuration without a restart: services, guides, timeouts, notices and the default language
 * go to the visit machine, which takes them at its next Idle (never in the middle of a citizen's visit); the languages
 * offered are kept with the configuration; the long-poll's wait is read before each poll. Devices whose settings
 * changed are closed and reopened with the new ones between two visits, the others run on untouched, and
 * {@code required} flags change which services a device that is down takes out ({@link LiveDevices}). The backend's
 * address and the CAs trusted for its certificate, the identity, trust anchors and maintenance settings change at the
 * next start.
 */
final class VisitLiveConfig implements LiveConfig {
    private static final Logger LOG = LoggerFactory.getLogger(VisitLiveConfig.class);
    /** What takes effect without a restart. */
    static final Set<ConfigSection> LIVE = EnumSet.of(ConfigSection.SERVICES, ConfigSection.GUIDES, ConfigSection.SESSION,
            ConfigSection.LANGUAGES, ConfigSection.NOTICES, ConfigSection.FLEET, ConfigSection.DEVICES);
    /** What the visit machine takes at its next Idle. */
    private static final Set<ConfigSection> VISIT = EnumSet.of(ConfigSection.SERVICES, ConfigSection.GUIDES, ConfigSection.SESSION,
            ConfigSection.LANGUAGES, ConfigSection.NOTICES);

    private final VisitMachine machine;
    private final LiveDevices devices;
    private final Consumer<KioskConfig> running;
    /** What the kiosk was started with: sections outside {@link #LIVE} differ from it only after the next start. */
    private final KioskConfig startedWith;
    private KioskConfig current;

    /**
     * @param running told each configuration the kiosk now runs, e.g. to answer {@code KioskApp.config()}
     */
    VisitLiveConfig(KioskConfig startedWith, VisitMachine machine, LiveDevices devices, Consumer<KioskConfig> running) {
        this.startedWith = Objects.requireNonNull(startedWith, "startedWith");
        this.current = startedWith;
        this.machine = Objects.requireNonNull(machine, "machine");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.running = Objects.requireNonNull(running, "running");
    }

    @Override
    public String waitsFor(KioskConfig config) {
        return devices.waitsFor(config.devices());
    }

    @Override
    public synchronized Applied apply(KioskConfig config) throws LiveConfigException {
        Set<ConfigSection> changed = ConfigSection.changed(current, config);
        Set<ConfigSection> live = EnumSet.noneOf(ConfigSection.class);
        changed.stream().filter(LIVE::contains).forEach(live::add);
        // against the start, not the last apply: a reverted backend change is no longer waiting for a restart
        Set<ConfigSection> atNextStart = EnumSet.noneOf(ConfigSection.class);
        ConfigSection.changed(startedWith, config).stream().filter(s -> !LIVE.contains(s)).forEach(atNextStart::add);
        // devices first: settings they cannot take leave the rest as it runs
        Set<String> reopened = live.contains(ConfigSection.DEVICES) ? devices.apply(config.devices()) : Set.of();
        if (live.stream().anyMatch(VISIT::contains)) {
            machine.applySettings(KioskApp.settings(config));
        }
        current = config;
        running.accept(config);
        if (!atNextStart.isEmpty()) {
            LOG.info("config applied; {} change at the next start of the kiosk", atNextStart.stream().map(ConfigSection::key).toList());
        }
        return new Applied(live, reopened, atNextStart);
    }
}
