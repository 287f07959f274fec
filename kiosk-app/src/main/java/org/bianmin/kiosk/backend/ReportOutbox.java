package org.bianmin.kiosk.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports that must reach the backend even if it is offline when they are made — print results
 * and evaluations — kept in order in one small JSON file until they are delivered. The file holds no
 * personal data (keys, document ids, case numbers, grades, indicator codes); an evaluation's free-text
 * comment is held in memory only. Every change rewrites the file atomically (temp file, fsync, rename).
 */
public final class ReportOutbox {
    /** The file's name in the outbox directory. */
    public static final String FILE_NAME = "report-outbox.json";
    /** Beyond this many pending reports the oldest is dropped: weeks offline at two reports per visit. */
    static final int CAPACITY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ReportOutbox.class);

    /** What is waiting to be delivered. */
    public sealed interface Report permits PrintReport, EvaluationReport {
    }

    /** A print job's state for the backend's ledger (operation recordPrintResult). */
    public record PrintReport(String idempotencyKey, String documentId, PrintState state, String reason) implements Report {
    }

    /** A 好差评 (operation submitEvaluation); {@code comment} never reaches the file. */
    public record EvaluationReport(Evaluation evaluation) implements Report {
        @Override
        public String toString() {
            return "EvaluationReport[case " + evaluation.caseNumber() + ", " + evaluation.grade() + "]";
        }
    }

    /**
     * One pending report in delivery order.
     *
     * @param tried whether a delivery was attempted that may have reached the backend without the kiosk hearing the answer
     */
    public record Entry(long seq, boolean tried, Report report) {
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Entry> entries = new ArrayList<>();
    private long nextSeq = 1;

    private ReportOutbox(Path file) {
        this.file = file;
    }

    /**
     * Opens the outbox in {@code directory}, creating the directory if needed. A file that cannot be
     * read is moved aside (its name gets {@code .unreadable-<time>}) with a warning, and the outbox starts empty.
     *
     * @throws IOException if the directory cannot be created or read
     */
    public static ReportOutbox open(Path directory) throws IOException {
        Files.createDirectories(directory);
        ReportOutbox outbox = new ReportOutbox(directory.resolve(FILE_NAME));
        outbox.load();
        return outbox;
    }

    public Path file() {
        return file;
    }

    /** Queues {@code report} behind the others and saves. */
    public synchronized Entry add(Report report) {
        if (entries.size() >= CAPACITY) {
            Entry dropped = entries.removeFirst();
            LOG.warn("report outbox is full ({} reports): dropped the oldest, {}", CAPACITY, dropped.report());
        }
        Entry e = new Entry(nextSeq++, false, report);
        entries.add(e);
        save();
        return e;
    }

    /** The oldest pending report. */
    public synchronized Optional<Entry> head() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getFirst());
    }

    /** Records that a delivery of {@code seq} is under way (the answer may be lost), and saves. */
    public synchronized void markTried(long seq) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.seq() == seq && !e.tried()) {
                entries.set(i, new Entry(seq, true, e.report()));
                save();
                return;
            }
        }
    }

    /** Removes a delivered or dropped report, and saves. */
    public synchronized void remove(long seq) {
        if (entries.removeIf(e -> e.seq() == seq)) {
            save();
        }
    }

    /** Every pending report, oldest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    private void load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        }
        try {
            JsonNode root = json.readTree(bytes);
            if (root == null || !root.isObject() || !root.path("items").isArray()) {
                throw new IllegalArgumentException("no 'items' array");
            }
            for (JsonNode item : root.get("items")) {
                entries.add(new Entry(nextSeq++, item.path("tried").asBoolean(false), parse(item)));
            }
        } catch (IOException | IllegalArgumentException e) {
            entries.clear();
            nextSeq = 1;
            Path aside = file.resolveSibling(FILE_NAME + ".unreadable-" + Instant.now().toEpochMilli());
            Files.move(file, aside);
            LOG.warn("report outbox {} cannot be read ({}); moved it to {} and started empty: the reports in it are not sent",
                    file, e.getMessage(), aside.getFileName());
        }
    }

    private static Report parse(JsonNode item) {
        String kind = required(item, "kind");
        return switch (kind) {
            case "print" -> new PrintReport(required(item, "idempotencyKey"), required(item, "documentId"),
                    PrintState.valueOf(required(item, "state").toUpperCase(Locale.ROOT)),
                    item.hasNonNull("reason") ? item.get("reason").asText() : null);
            case "evaluation" -> {
                List<String> indicators = new ArrayList<>();
                item.path("indicators").forEach(i -> indicators.add(i.asText()));
                if (!item.path("indicatorSetVersion").canConvertToInt()) {
                    throw new IllegalArgumentException("an evaluation has no indicatorSetVersion");
                }
                yield new EvaluationReport(new Evaluation(required(item, "caseNumber"),
                        Grade.valueOf(required(item, "grade")), item.get("indicatorSetVersion").intValue(), indicators,
                        Optional.empty()));
            }
            default -> throw new IllegalArgumentException("unknown report kind '" + kind + "'");
        };
    }

    private static String required(JsonNode item, String field) {
        if (!item.path(field).isTextual()) {
            throw new IllegalArgumentException("a report has no '" + field + "'");
        }
        return item.get(field).textValue();
    }

    private ObjectNode write(Entry e) {
        ObjectNode item = json.createObjectNode();
        switch (e.report()) {
            case PrintReport p -> {
                item.put("kind", "print");
                item.put("idempotencyKey", p.idempotencyKey());
                item.put("documentId", p.documentId());
                item.put("state", p.state().name().toLowerCase(Locale.ROOT));
                if (p.reason() != null) {
                    item.put("reason", p.reason());
                }
            }
            case EvaluationReport r -> {
                Evaluation ev = r.evaluation();
                item.put("kind", "evaluation");
                item.put("caseNumber", ev.caseNumber());
                item.put("grade", ev.grade().name());
                item.put("indicatorSetVersion", ev.indicatorSetVersion());
                ArrayNode codes = item.putArray("indicators");
                ev.indicators().forEach(codes::add);
            }
        }
        item.put("tried", e.tried());
        return item;
    }

    /** Rewrites the file; a disk fault keeps the reports in memory (sent while the kiosk runs) and is logged. */
    private void save() {
        ObjectNode root = json.createObjectNode();
        ArrayNode items = root.putArray("items");
        entries.forEach(e -> items.add(write(e)));
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(ch)) {
                out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.error("report outbox {} cannot be written ({}); {} reports are kept in memory only and are lost if the "
                    + "kiosk restarts before the backend is back: check the disk and the directory's permissions",
                    file, e.getMessage(), entries.size());
        }
    }
}
