package org.bianmin.device.cli;

import java.time.Duration;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.CardFixture;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sim id-card}: a SAM_V ID card reader on a serial port, with a synthetic card on it. */
@Command(name = "id-card", mixinStandardHelpOptions = true,
        description = "Simulate a SAM_V second-generation ID card reader on a serial port until stopped.")
final class SimIdCard extends DeviceCommand {
    @Mixin
    LinkOptions link = new LinkOptions();

    @Option(names = "--card", paramLabel = "KIND", defaultValue = "resident",
            description = "synthetic card placed at start: resident, foreigner-2017, foreigner-2023, hmt, "
                    + "resident-bad-check-digit, or none (default: ${DEFAULT-VALUE})")
    String card;

    @Option(names = "--timing", paramLabel = "T", defaultValue = "realistic",
            description = "RF timing: realistic (find/select 20-50 ms, read 600-900 ms) or fast (default: ${DEFAULT-VALUE})")
    String timing;

    SimIdCard(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        if (json) {
            return terminal.fail(name(), "has no JSON output; run it without --json", ExitCodes.USAGE, false);
        }
        CardFixture first;
        IdCardSimulator.Timing t;
        try {
            first = card.equals("none") ? null : CardFixtures.byName(card);
            t = switch (timing) {
                case "realistic" -> IdCardSimulator.Timing.REALISTIC;
                case "fast" -> IdCardSimulator.Timing.FAST;
                default -> throw new IllegalArgumentException("--timing " + timing + " is not known; use realistic or fast");
            };
        } catch (IllegalArgumentException e) {
            return terminal.fail(name(), e.getMessage(), ExitCodes.USAGE, json);
        }
        SerialSettings settings = link.settings(115200);
        WatchedLink l = new WatchedLink(link.open(115200));
        try (IdCardSimulator sim = new IdCardSimulator(l, settings, IdCardSimulator.Options.defaults().withTiming(t))) {
            sim.start();
            if (first != null) {
                sim.placeCard(first);
            }
            SimConsole console = new SimConsole(terminal)
                    .hook("place", "place a card: place resident|foreigner-2017|foreigner-2023|hmt|resident-bad-check-digit",
                            a -> {
                                String kind = a.length == 0 ? "resident" : a[0];
                                sim.placeCard(CardFixtures.byName(kind));
                                return "placed " + kind;
                            })
                    .hook("remove", "lift the card off the reader", a -> {
                        sim.removeCard();
                        return "card removed";
                    })
                    .hook("lift-during-read", "the card is lifted in the middle of the next read", a -> {
                        sim.removeCardDuringNextRead();
                        return "the next read will lose the card half way";
                    })
                    .hook("garbage", "send random bytes in front of the next reply", a -> {
                        sim.garbage();
                        return "noise queued";
                    })
                    .hook("stall", "stop answering: stall MS", a -> {
                        long ms = SimConsole.stallMillis(a);
                        sim.stall(Duration.ofMillis(ms));
                        return "not answering for " + ms + " ms";
                    })
                    .hook("fail", "answer the next request with a status code: fail 41 (hex SW3)", a -> {
                        if (a.length == 0) {
                            throw new IllegalArgumentException("say which SW3, e.g. fail 41");
                        }
                        sim.failNext(Integer.parseInt(a[0], 16));
                        return "the next request answers SW3 " + a[0].toUpperCase();
                    })
                    .hook("corrupt-checksum", "send the next reply with a wrong checksum", a -> {
                        sim.corruptNextChecksum();
                        return "the next reply's checksum will be wrong";
                    })
                    .hook("state", "show the card state and counters", a -> "card " + sim.cardState() + ", frames "
                            + sim.framesReceived() + ", bad frames " + sim.badFrames() + ", replies " + sim.repliesSent());
            terminal.line("id-card simulator on " + l.name() + " at " + settings + "; card: " + (first == null ? "none" : card)
                    + ". Hooks: " + console.hookList() + " (type 'help'); Ctrl-C stops.");
            return console.runUntilStopped(l);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }
}
