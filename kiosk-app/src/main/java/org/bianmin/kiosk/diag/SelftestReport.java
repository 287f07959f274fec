package org.bianmin.kiosk.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code diag selftest} prints: a heading, one line per device (name, port, ok / FAIL / skipped, time,
 * and on a failure the code, cause and remedy) and a verdict line; or the same as one JSON document.
 *
 * @param kiosk    the kiosk id from the config
 * @param config   the config file as given
 * @param version  the config's version
 * @param language "en" or "zh-CN": the language of causes and remedies
 */
record SelftestReport(String kiosk, String config, int version, String language, List<CheckResult> results) {
    private static final String DASH = " — ";

    SelftestReport {
        results = List.copyOf(results);
    }

    /** Every required device is ok: the kiosk can serve. */
    boolean ready() {
        return results.stream().noneMatch(CheckResult::blocksTheKiosk);
    }

    private boolean english() {
        return language.startsWith("en");
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(english() ? "self-test of kiosk " + kiosk + ", config " + config + " (version " + version + ")"
                : "自助机 " + kiosk + " 自检，配置 " + config + "（版本 " + version + "）");
        int nameWidth = width(results.stream().map(CheckResult::device).toList());
        int portWidth = width(results.stream().map(CheckResult::port).toList());
        for (CheckResult r : results) {
            out.add(String.format("%-" + nameWidth + "s  %-" + portWidth + "s  %-7s %6s  %s", r.device(), r.port(), result(r),
                    r.took().toMillis() + " ms", text(r)));
        }
        out.add(verdict());
        return out;
    }

    private static int width(List<String> values) {
        return values.stream().mapToInt(String::length).max().orElse(1);
    }

    private static String result(CheckResult r) {
        return switch (r.outcome()) {
            case OK -> "ok";
            case FAIL -> "FAIL";
            case SKIPPED -> "skipped";
        };
    }

    private String text(CheckResult r) {
        Optional<Finding> f = r.finding();
        return switch (r.outcome()) {
            case OK -> r.detail() + f.map(w -> (english() ? "; warning: " : "；提醒：") + explain(w)).orElse("");
            case SKIPPED -> r.detail();
            case FAIL -> explain(f.orElseThrow()) + (r.required() ? "" : english() ? " (optional device: the kiosk serves without it)"
                    : "（非必需设备：不影响办事）");
        };
    }

    private String explain(Finding f) {
        return f.error().code() + " " + f.cause().in(language) + DASH + f.remedy().in(language);
    }

    private String verdict() {
        List<String> blocking = results.stream().filter(CheckResult::blocksTheKiosk).map(CheckResult::device).toList();
        long warnings = results.stream().filter(CheckResult::warns).count();
        if (!blocking.isEmpty()) {
            return english() ? "result: NOT READY, required device failed: " + String.join(", ", blocking)
                    + "; fix the FAIL lines above, then run the self-test again"
                    : "结论：不能办事，必需设备故障：" + String.join("、", blocking) + "；按上面 FAIL 行处理后再次自检";
        }
        if (warnings > 0) {
            return english() ? "result: ready, every required device is ok; " + warnings + (warnings == 1 ? " warning" : " warnings") + " above"
                    : "结论：可以办事，必需设备都正常；上面有 " + warnings + " 条提醒";
        }
        return english() ? "result: ready, every device is ok" : "结论：可以办事，全部设备正常";
    }

    String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kiosk", kiosk);
        doc.put("config", config);
        doc.put("configVersion", version);
        doc.put("language", language);
        doc.put("ready", ready());
        doc.put("devices", results.stream().map(this::device).toList());
        try {
            return new ObjectMapper().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> device(CheckResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", r.device());
        m.put("port", r.port());
        m.put("result", result(r));
        m.put("required", r.required());
        m.put("simulated", r.simulated());
        m.put("ms", r.took().toMillis());
        m.put("detail", r.detail());
        m.put("warning", r.outcome() == CheckResult.Outcome.OK && r.finding().isPresent());
        m.put("code", r.finding().map(f -> f.error().code()).orElse(null));
        m.put("error", r.finding().map(f -> f.error().name()).orElse(null));
        m.put("cause", r.finding().map(f -> f.cause().in(language)).orElse(null));
        m.put("remedy", r.finding().map(f -> f.remedy().in(language)).orElse(null));
        return m;
    }
}
