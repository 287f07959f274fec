package org.bianmin.config;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import java.util.stream.IntStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever an admin's editor does to a valid kiosk.yaml, loading it gives a configuration or a ConfigException, nothing else. */
class ConfigMutationProperties {
    private static final String VALID = read(Path.of("kiosk.yaml"));
    private static final List<String> LINES = VALID.lines().toList();
    /** Characters that mean something to YAML, and some that mean something to people. */
    private static final String YAML_CHARS = ":-[]{},#&*!|>'\"%@`?\\ \t\n0123456789abcz.~_/便民";

    @Provide
    Arbitrary<String> yamlText() {
        return Arbitraries.strings().withChars(YAML_CHARS).ofMaxLength(12);
    }

    /** Values that break some rule somewhere: wrong types, edges of ranges, odd ports, URLs, paths and YAML oddities. */
    private static final List<String> ODD_VALUES = List.of("-1", "0", "1", "3", "58", "9600", "99999999999999999999", "1.5", "-0.0",
            "1e400", "null", "~", "''", "\"\"", "' '", "[]", "{}", "[1, a]", "{a: 1}", "{zh: x}", "yes", "on", "tcp://", "tcp://h:0",
            "tcp://[::1]:9100", "tcp://h:9100/x", "tcp://h:9100", "spool:", "spool:x", "\"spool:\\u0000\"", "/", "/dev/", "COM1",
            "http://", "https://user@h", "http://h:99999", "http://h?x=1", "\"\\u0000\"", "\"a\\nb\"", "*x", "&x 1", "!!binary aGk=",
            "!x 1", "zh-CN", "en", "2.0", "\"" + "长".repeat(300) + "\"", "[zh-CN, zh-CN]", "[\"\\u0000\"]", "- a", "[- a]",
            "kiosk.yaml", "/etc/passwd", "[/etc/passwd]", "\"1234\"", "\"$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA\"");
    private static final List<Integer> VALUE_LINES = IntStream.range(0, LINES.size())
            .filter(i -> LINES.get(i).matches("\\s*(- )?[A-Za-z]+:( .*)?")).boxed().toList();

    @Example
    void everyOddValueInEveryPlaceGivesAConfigOrClearProblems() {
        for (int at : VALUE_LINES) {
            for (String value : ODD_VALUES) {
                loadsOrExplains(withValue(at, value));
            }
        }
    }

    @Property(tries = 400)
    void anyQuotedTextInAnyPlaceGivesAConfigOrClearProblems(@ForAll @IntRange(min = 0, max = 10_000) int lineSeed, @ForAll String text) {
        String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        loadsOrExplains(withValue(VALUE_LINES.get(lineSeed % VALUE_LINES.size()), quoted));
    }

    private static String withValue(int at, String value) {
        List<String> lines = new ArrayList<>(LINES);
        String line = lines.get(at);
        lines.set(at, line.substring(0, line.indexOf(':') + 1) + " " + value);
        return String.join("\n", lines);
    }

    @Property(tries = 400)
    void textInsertedAnywhereGivesAConfigOrClearProblems(@ForAll @IntRange(min = 0, max = 100_000) int offset,
                                                         @ForAll("yamlText") String inserted) {
        int at = offset % (VALID.length() + 1);
        loadsOrExplains(VALID.substring(0, at) + inserted + VALID.substring(at));
    }

    @Property(tries = 300)
    void textCutAnywhereGivesAConfigOrClearProblems(@ForAll @IntRange(min = 0, max = 100_000) int from,
                                                    @ForAll @IntRange(min = 0, max = 200) int length) {
        int start = from % (VALID.length() + 1);
        int end = Math.min(VALID.length(), start + length);
        loadsOrExplains(VALID.substring(0, start) + VALID.substring(end));
    }

    @Property(tries = 300)
    void linesShuffledOrReindentedGiveAConfigOrClearProblems(@ForAll @IntRange(min = 0, max = 10_000) int a,
                                                             @ForAll @IntRange(min = 0, max = 10_000) int b,
                                                             @ForAll @IntRange(min = -4, max = 4) int indent) {
        List<String> lines = new ArrayList<>(LINES);
        int i = a % lines.size();
        int j = b % lines.size();
        String moved = lines.remove(i);
        moved = indent >= 0 ? " ".repeat(indent) + moved : moved.substring(Math.min(-indent, moved.length() - moved.stripLeading().length()));
        lines.add(j, moved);
        loadsOrExplains(String.join("\n", lines));
    }

    private static void loadsOrExplains(String yaml) {
        try {
            KioskConfigLoader.parse(yaml);
        } catch (ConfigException e) {
            assertFalse(e.problems().isEmpty());
            for (ConfigProblem p : e.problems()) {
                String line = p.toString();
                assertFalse(line.contains("\n") || p.problem().isBlank() || p.fix().isBlank(),
                        () -> "a problem must be one line with a problem and a fix: " + line + "\nfor:\n" + yaml);
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
