package org.bianmin.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.maintenance.DeviceAction;
import org.bianmin.kiosk.maintenance.DeviceStatus;
import org.bianmin.kiosk.maintenance.KioskDevicesMaintenance;
import org.bianmin.kiosk.maintenance.MaintenanceView;
import org.bianmin.kiosk.print.PrintPart;
import org.bianmin.kiosk.print.PrintProgress;
import org.bianmin.kiosk.visit.Availability;
import org.bianmin.kiosk.visit.Hint;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.ProblemKind;
import org.bianmin.kiosk.visit.ServiceRules;
import org.junit.jupiter.api.Test;

/** Both languages have every text the screens ask for, and the texts that take arguments format. */
class MessageBundlesTest {
    private static final Path UI_SOURCES = Path.of("src", "main", "java", "org", "bianmin", "kiosk", "ui");
    /** A whole key written in the screens' code: t.get("…") or t.format("…", …) (prefixes joined to enums are listed below). */
    private static final Pattern LITERAL_KEY = Pattern.compile("\\.(?:get|format)\\(\"([a-z][a-z0-9.-]*[a-z0-9])\"\\s*[,)]");
    /** English names of backend data; the Chinese screens show the backend's own words. */
    private static final List<String> ENGLISH_ONLY = List.of("service.", "indicator.");

    @Test
    void everyKeyTheScreensUseExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>(literalKeys());
        for (ProblemKind k : ProblemKind.values()) {
            used.addAll(List.of("problem." + k + ".title", "problem." + k + ".what", "problem." + k + ".next"));
        }
        for (Grade g : Grade.values()) {
            used.add("grade." + g);
        }
        for (PrintPart p : PrintPart.values()) {
            used.add("print.part." + p);
        }
        for (PrintProgress.Phase p : PrintProgress.Phase.values()) {
            used.add("print.phase." + p);
        }
        for (ServiceRules.Unavailable u : ServiceRules.Unavailable.values()) {
            used.add("home.unavailable." + u);
        }
        for (Availability.Equipment e : Availability.Equipment.values()) {
            used.add("home.device-out." + e);
        }
        for (Hint.Kind h : Hint.Kind.values()) {
            if (h != Hint.Kind.DEVICE) {
                used.add("hint." + h);
            }
        }
        for (MaintenanceView.KeypadNotice.Kind k : MaintenanceView.KeypadNotice.Kind.values()) {
            used.add("maint.keypad." + k);
        }
        for (DeviceStatus.Health h : DeviceStatus.Health.values()) {
            used.add("maint.health." + h);
        }
        for (DeviceStatus.Paper p : DeviceStatus.Paper.values()) {
            used.add("maint.paper." + p.name().toLowerCase(Locale.ROOT));
        }
        for (DeviceAction a : DeviceAction.values()) {
            used.add(a == DeviceAction.EXTERNAL_CHECK ? "maint.action.external.receipt-printer" : "maint.action." + a);
        }
        for (String d : KioskDevicesMaintenance.NAMES) {
            used.add("maint.device." + d);
        }
        used.addAll(List.of("maint.action.external.id-card", "maint.action.external.qr-scanner", "maint.running.external.id-card",
                "maint.running.external.qr-scanner", "maint.running.external.receipt-printer", "maint.cover.open", "maint.cover.closed",
                "maint.power.no-relay", "maint.power.no-gpio", "maint.gpio.no-gpio", "maint.gpio.gpio-not-open",
                "maint.gpio.light.guide", "maint.gpio.light.fault"));
        for (String r : List.of("internal.ok", "receipt.printed", "card.read", "card.none", "scan.read", "scan.none", "status.receipt",
                "status.document", "check-failed", "not-open", "not-offered")) {
            used.add("maint.result." + r);
        }
        assertTrue(used.size() > 80, "the scan found the screens' keys: " + used.size());
        for (Language l : Language.values()) {
            Properties words = Texts.load(Texts.resource(l));
            List<String> missing = used.stream().filter(k -> !words.containsKey(k)).toList();
            assertEquals(List.of(), missing, "keys missing from " + Texts.resource(l));
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysApartFromTheEnglishNamesOfBackendData() {
        Set<String> en = shared(Texts.load(Texts.resource(Language.EN)));
        Set<String> zh = shared(Texts.load(Texts.resource(Language.ZH_CN)));
        assertEquals(en, zh);
        assertTrue(Texts.load(Texts.resource(Language.ZH_CN)).keySet().stream().map(String::valueOf)
                .noneMatch(k -> ENGLISH_ONLY.stream().anyMatch(k::startsWith)), "the Chinese screens use the backend's names");
    }

    @Test
    void noTextIsEmptyAndTextsWithArgumentsFormat() {
        for (Language l : Language.values()) {
            Properties words = Texts.load(Texts.resource(l));
            for (String key : words.stringPropertyNames()) {
                String v = words.getProperty(key);
                assertFalse(v.isBlank(), key + " is empty in " + l);
                if (v.contains("{0}")) {
                    String formatted = new MessageFormat(v, l.locale()).format(new Object[] {"X", "Y", "Z"});
                    assertTrue(formatted.contains("X") && !formatted.contains("{"), key + " in " + l + " formats: " + formatted);
                }
            }
        }
    }

    private static Set<String> shared(Properties p) {
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> ENGLISH_ONLY.stream().noneMatch(k::startsWith)).forEach(keys::add);
        return keys;
    }

    private static List<String> literalKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
