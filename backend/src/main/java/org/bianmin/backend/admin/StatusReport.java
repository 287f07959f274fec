package org.bianmin.backend.admin;

import static org.bianmin.backend.admin.AdminCli.WIDTH;
import static org.bianmin.backend.admin.ConfigCommands.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The config status, history and merged config as 80-column text for the terminal. */
final class StatusReport {
    private static final int TARGET = 21;
    // the kiosk's note on an applied config opens so; the heading says it
    private static final String APPLIED = "applied; ";
    private static final int NAMED = 3;

    private StatusReport() {
    }

    /**
     * Rollouts under way first, then every kiosk: one line when in sync, its layers and differences when not; then what
     * kiosks noted of the configs they applied.
     */
    static String render(JsonNode status) {
        StringBuilder b = new StringBuilder();
        List<JsonNode> rollouts = new ArrayList<>();
        status.path("rollouts").forEach(rollouts::add);
        if (!rollouts.isEmpty()) {
            b.append("Rollouts:\n");
            for (JsonNode r : rollouts) {
                b.append(fit("  " + r.path("target").asText() + " version " + r.path("version").asLong() + ", " + r.path("state").asText()
                        + " (" + DisplayWidth.printable(r.path("startedBy").asText()) + ", " + when(r.path("startedAt")) + ")"));
                b.append(fit("    " + progress(r)));
                note(b, r);
            }
            b.append('\n');
        }
        int inSync = 0;
        int pending = 0;
        int failed = 0;
        for (JsonNode k : status.path("kiosks")) {
            String state = k.path("state").asText();
            switch (state) {
                case "in-sync" -> inSync++;
                case "pending" -> pending++;
                default -> failed++;
            }
            String name = DisplayWidth.printable(k.path("name").asText());
            if (state.equals("in-sync")) {
                List<String> layers = new ArrayList<>();
                k.path("layers").forEach(l -> layers.add(shortTarget(l.path("target").asText()) + " " + l.path("running").asLong()));
                String versions = layers.isEmpty() ? "no layers" : String.join(" · ", layers);
                b.append(fit(k.path("kioskId").asText() + "  in sync  " + k.path("connection").asText() + "  " + versions + "  " + name));
                continue;
            }
            b.append(fit(k.path("kioskId").asText() + "  " + state.toUpperCase(java.util.Locale.ROOT) + "  "
                    + k.path("connection").asText() + "  " + name));
            for (JsonNode l : k.path("layers")) {
                String line = "  " + DisplayWidth.pad(DisplayWidth.fit(l.path("target").asText(), TARGET), TARGET)
                        + "  desired " + pad(version(l.path("desired").asLong()), 3) + "  running " + pad(version(l.path("running").asLong()), 3)
                        + "  " + l.path("status").asText();
                if (!l.path("status").asText().equals("applied") && !l.path("at").isNull() && !l.path("at").isMissingNode()) {
                    line += "  " + when(l.path("at"));
                }
                b.append(fit(line));
                if (!l.path("reason").isNull() && !l.path("reason").isMissingNode() && !l.path("status").asText().equals("applied")) {
                    wrap(b, "reason: " + DisplayWidth.printable(l.path("reason").asText()), "    ");
                }
            }
            if (!k.path("differences").isEmpty()) {
                b.append("  differs (running → desired):\n");
                for (JsonNode d : k.path("differences")) {
                    wrapCells(b, d.path("path").asText() + ": " + shown(d.get("running")) + " → " + shown(d.get("desired")), "    ", "      ");
                }
            }
        }
        appliedNotes(b, status.path("kiosks"));
        int total = inSync + pending + failed;
        b.append(total).append(total == 1 ? " kiosk: " : " kiosks: ").append(inSync).append(" in sync, ").append(pending)
                .append(" pending, ").append(failed).append(" failed\nAs of ")
                .append(AdminCli.time(Instant.parse(status.path("asOf").asText()))).append(" (Beijing time)\n");
        return b.toString();
    }

    /**
     * What kiosks said of configs they applied (a service they do not offer, a device reopened), once per layer version
     * and note with the kiosks that said it: a fleet push noted alike by 300 kiosks is one entry, not 300 lines.
     */
    private static void appliedNotes(StringBuilder b, JsonNode kiosks) {
        Map<List<String>, List<String>> said = new LinkedHashMap<>();
        for (JsonNode k : kiosks) {
            for (JsonNode l : k.path("layers")) {
                String reason = l.path("reason").isTextual() ? l.path("reason").asText().strip() : "";
                if (l.path("status").asText().equals("applied") && !reason.isEmpty()) {
                    String note = reason.startsWith(APPLIED) ? reason.substring(APPLIED.length()) : reason;
                    said.computeIfAbsent(List.of(l.path("target").asText() + " version " + l.path("running").asLong(), note),
                            key -> new ArrayList<>()).add(k.path("kioskId").asText());
                }
            }
        }
        if (said.isEmpty()) {
            return;
        }
        b.append("Noted by kiosks that applied a config:\n");
        said.forEach((key, at) -> {
            wrapCells(b, key.get(0) + ", at " + (at.size() == 1 ? at.get(0) : at.size() + " kiosks (" + String.join(", ",
                    at.subList(0, Math.min(at.size(), NAMED))) + (at.size() > NAMED ? " and " + (at.size() - NAMED) + " more" : "")
                    + ")") + ":", "  ", "      ");
            wrap(b, DisplayWidth.printable(key.get(1)), "    ");
        });
    }

    /** {@code halted: 4 of 10 released in 2 waves (20% each), 2 applied, 2 failed (stop at 2), 0 waiting}. */
    static String rolloutLine(JsonNode r) {
        return r.path("state").asText() + ": " + progress(r);
    }

    /** {@code 4 of 10 released, 2 waves of 20%: 2 applied, 2 failed (halt at 2), 0 waiting}. */
    static String progress(JsonNode r) {
        int accepted = r.path("failuresAccepted").asInt();
        return r.path("released").asInt() + " of " + r.path("members").asInt() + " released, " + r.path("waves").asInt()
                + (r.path("waves").asInt() == 1 ? " wave of " : " waves of ") + r.path("stagePercent").asInt() + "%: "
                + r.path("applied").asInt() + " applied, " + r.path("failed").asInt() + " failed (halt at "
                + (r.path("stopOnFailures").asInt() + accepted) + "), " + r.path("waiting").asInt() + " waiting";
    }

    private static void note(StringBuilder b, JsonNode r) {
        String state = r.path("state").asText();
        if (state.equals("halted")) {
            wrap(b, DisplayWidth.printable(r.path("note").asText()), "    ");
            b.append(fit("    → ./kiosk admin rollout resume --target " + r.path("target").asText() + "  (or abort, or revert)"));
        } else if (state.equals("running") && r.path("waiting").asInt() > 0) {
            b.append(fit("    waiting for " + r.path("waiting").asInt() + " released kiosks to report (offline kiosks hold it back)"));
        }
    }

    /** Pushes newest first, then the rollouts. */
    static String history(JsonNode history) {
        StringBuilder b = new StringBuilder("Config pushes, newest first (Beijing time):\n");
        if (history.path("pushes").isEmpty()) {
            b.append("  none yet: ./kiosk admin push --to TARGET FILE pushes one\n");
            return b.toString();
        }
        b.append("PUSHED               TARGET                  VERSION  BY\n");
        for (JsonNode p : history.path("pushes")) {
            String note = p.path("revertOf").isNull() || p.path("revertOf").isMissingNode() ? ""
                    : "  (revert to " + p.path("revertOf").asLong() + ")";
            b.append(fit(when(p.path("pushedAt")) + "  " + DisplayWidth.pad(DisplayWidth.fit(p.path("target").asText(), TARGET), TARGET)
                    + "  " + pad(String.valueOf(p.path("version").asLong()), 7) + "  " + DisplayWidth.printable(p.path("pushedBy").asText()) + note));
        }
        if (!history.path("rollouts").isEmpty()) {
            b.append("Staged rollouts, newest first:\n");
            for (JsonNode r : history.path("rollouts")) {
                b.append(fit("  " + r.path("target").asText() + " version " + r.path("version").asLong() + ", " + r.path("state").asText()));
                b.append(fit("    " + progress(r)));
                if (!r.path("note").isNull() && !r.path("note").isMissingNode()) {
                    wrap(b, DisplayWidth.printable(r.path("note").asText()), "    ");
                }
            }
        }
        return b.toString();
    }

    /**
     * Each value with its origin: on one line when it fits in 80 columns, else the value over as many lines as it takes
     * and the origin on the next; a list of texts (notices, a guide's materials) with one item a line below it.
     */
    static String merged(JsonNode merged) {
        List<String> layers = new ArrayList<>();
        merged.path("layers").forEach(l -> layers.add(l.path("target").asText() + " v" + l.path("version").asLong()));
        List<String> groups = new ArrayList<>();
        merged.path("groups").forEach(g -> groups.add(g.asText()));
        StringBuilder b = new StringBuilder();
        b.append("Config of ").append(merged.path("kioskId").asText()).append(" (groups: ")
                .append(groups.isEmpty() ? "none" : String.join(", ", groups)).append("; layers: ")
                .append(layers.isEmpty() ? "none yet" : String.join(" < ", layers)).append("):\n");
        for (JsonNode v : merged.path("values")) {
            JsonNode value = v.get("value");
            String origin = "← " + v.path("origin").asText();
            boolean texts = value != null && value.isArray() && !value.isEmpty() && value.get(0).isObject();
            // a list of texts (notices, a guide's materials or steps) is counted on the path's line, then one item a line
            String line = v.path("path").asText() + ": " + (texts ? value.size() + (value.size() == 1 ? " item" : " items") : shown(value));
            if (DisplayWidth.of(line) + 2 + DisplayWidth.of(origin) <= WIDTH) {
                b.append(DisplayWidth.pad(line, WIDTH - DisplayWidth.of(origin))).append(origin).append('\n');
            } else {
                wrapCells(b, line, "", "    ");
                b.append(fit("    " + origin));
            }
            if (texts) {
                value.forEach(item -> wrapCells(b, "- " + itemText(item), "    ", "      "));
            }
        }
        b.append(fit("(a value from default may be set by the kiosk's own config file, which the backend does not see)"));
        return b.toString();
    }

    /** A text in two languages as {@code 中文 / English}; any other item as its JSON. */
    private static String itemText(JsonNode item) {
        JsonNode zh = item.get("zh");
        JsonNode en = item.get("en");
        if (zh == null || !zh.isTextual() || item.size() > 2 || (item.size() == 2 && en == null)) {
            return DisplayWidth.printable(item.toString());
        }
        return DisplayWidth.printable(zh.textValue() + (en != null && en.isTextual() ? " / " + en.textValue() : ""));
    }

    private static String shown(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return value == null || value.isMissingNode() ? "(absent)" : "null";
        }
        if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(itemText(item)));
            return "[" + String.join("; ", items) + "]";
        }
        return DisplayWidth.printable(value.isTextual() ? value.textValue() : value.toString());
    }

    /** {@code kiosk} for a kiosk's own layer: its id is on the line already. */
    private static String shortTarget(String target) {
        return target.startsWith("kiosk:") ? "kiosk" : target;
    }

    private static String version(long v) {
        return v == 0 ? "-" : String.valueOf(v);
    }

    private static String pad(String s, int width) {
        return DisplayWidth.pad(s, width);
    }

    private static String fit(String line) {
        return DisplayWidth.fit(line, WIDTH).stripTrailing() + "\n";
    }

    /**
     * {@code text} over as many lines as it takes, each within 80 columns: the first starting with {@code first}, the
     * others with {@code indent}. A line breaks at its last space within reach, or anywhere where there is none (Chinese).
     */
    static void wrapCells(StringBuilder b, String text, String first, String indent) {
        String rest = text;
        String prefix = first;
        while (DisplayWidth.of(prefix) + DisplayWidth.of(rest) > WIDTH) {
            int room = WIDTH - DisplayWidth.of(prefix);
            int cut = 0;
            for (int used = 0; cut < rest.length(); ) {
                int cp = rest.codePointAt(cut);
                if (used + DisplayWidth.of(cp) > room) {
                    break;
                }
                used += DisplayWidth.of(cp);
                cut += Character.charCount(cp);
            }
            int space = rest.lastIndexOf(' ', cut);
            if (space > cut / 2) {
                cut = space;
            }
            cut = Math.max(cut, Character.charCount(rest.codePointAt(0)));
            b.append(prefix).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut).stripLeading();
            prefix = indent;
        }
        if (!rest.isEmpty()) {
            b.append(prefix).append(rest).append('\n');
        }
    }

    /** {@code text} over as many lines as it takes, each within 80 columns and starting with {@code indent}. */
    private static void wrap(StringBuilder b, String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (DisplayWidth.of(line.toString()) + 1 + DisplayWidth.of(word) > WIDTH && line.length() > indent.length()) {
                b.append(fit(line.toString()));
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        b.append(fit(line.toString()));
    }
}
