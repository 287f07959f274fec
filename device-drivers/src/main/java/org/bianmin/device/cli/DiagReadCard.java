package org.bianmin.device.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.Statistics;
import org.bianmin.device.idcard.CardRead;
import org.bianmin.device.idcard.IdCardEvent;
import org.bianmin.device.idcard.InvalidIdNumberException;
import org.bianmin.device.idcard.SamIdCardReader;
import org.bianmin.device.idcard.SamReaderConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diag read-card}: reads the card on the reader and prints who it says the holder is, masked. */
@Command(name = "read-card", mixinStandardHelpOptions = true,
        description = "Read the ID card on a SAM_V reader; name and numbers are masked unless --unmask is given.")
final class DiagReadCard extends DeviceCommand {
    @Mixin
    LinkOptions link = new LinkOptions();

    @Option(names = "--unmask", description = "show names, numbers, birth date and address in full")
    boolean unmask;

    @Option(names = "--wait", paramLabel = "S", defaultValue = "0",
            description = "wait up to S seconds for a card to be placed (default: read what is there now)")
    int waitSeconds;

    DiagReadCard(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        if (waitSeconds < 0 || waitSeconds > 3600) {
            return terminal.fail(name(), "--wait " + waitSeconds + " must be between 0 and 3600 seconds", ExitCodes.USAGE, json);
        }
        try (SamIdCardReader reader = new SamIdCardReader("id-card", link.open(115200), SamReaderConfig.defaults(), Statistics.inMemory())) {
            reader.open();
            reader.enable();
            String samId = Futures.await(reader.samId(), Duration.ofSeconds(2), "reading the SAM ID").display();
            CardRead read;
            try {
                read = waitSeconds > 0 ? waitForCard(reader) : Futures.await(reader.read(), Duration.ofSeconds(8), "reading the card");
            } catch (InvalidIdNumberException e) {
                print(e.card(), samId, e);
                return ExitCodes.of(e.error());
            } catch (DeviceException e) {
                if (e.error() == DeviceError.NO_CARD) {
                    throw new DeviceException(DeviceError.NO_CARD, "no new card on the reader at " + link.port
                            + "; place the card flat on the reader (a card already read stays silent until it is lifted:"
                            + " lift it and place it again), or add --wait 10");
                }
                throw e;
            }
            print(read, samId, null);
            return ExitCodes.OK;
        }
    }

    private CardRead waitForCard(SamIdCardReader reader) throws DeviceException {
        CompletableFuture<CardRead> placed = new CompletableFuture<>();
        reader.addListener(e -> {
            if (e instanceof IdCardEvent.CardPlaced p) {
                placed.complete(p.card());
            } else if (e instanceof IdCardEvent.CardReadFailed f) {
                placed.completeExceptionally(new DeviceException(f.error(), f.detail()));
            }
        });
        if (!json) {
            terminal.line("waiting up to " + waitSeconds + " s for a card on " + link.port + "…");
        }
        reader.arm();
        try {
            return Futures.await(placed, Duration.ofSeconds(waitSeconds), "waiting for a card");
        } catch (DeviceException e) {
            if (e.error() == DeviceError.TIMEOUT) {
                throw new DeviceException(DeviceError.NO_CARD, "no card was placed within " + waitSeconds + " s");
            }
            throw e;
        } finally {
            reader.disarm();
        }
    }

    /** Prints the card; a card whose number fails its check is shown too, with the failure, for the staffed counter. */
    private void print(CardRead read, String samId, DeviceException problem) {
        Map<String, Object> fields = new IdentityView(unmask).fields(read);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", problem == null);
            if (problem != null) {
                doc.put("code", problem.error().code());
                doc.put("error", problem.error().name());
                doc.put("message", problem.getMessage());
            }
            doc.put("samId", samId);
            doc.put("identity", fields);
            terminal.json(doc);
            return;
        }
        terminal.line("SAM ID: " + samId);
        fields.forEach((k, v) -> terminal.line(String.format("%-23s %s", k + ":", v)));
        if (problem != null) {
            terminal.err().println(name() + ": " + problem.error().code() + " " + problem.getMessage()
                    + "; the card is not accepted at the kiosk — send the holder to a staffed counter");
        }
    }
}
