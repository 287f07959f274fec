package org.bianmin.config;

import static org.bianmin.config.ConfigFixtures.problemsIn;
import static org.bianmin.config.ConfigFixtures.theOneProblemIn;
import static org.bianmin.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text that is not YAML, or YAML a configuration has no use for, gets one line with the place and what to do; no stack trace. */
class YamlSyntaxTest {

    @TempDir
    Path dir;

    private static void assertOneCleanLine(ConfigException e) {
        assertEquals(1, e.problems().size(), e::getMessage);
        String line = e.problems().get(0).toString();
        assertFalse(line.contains("\n"), line);
        assertFalse(line.matches(".*(Exception|\\bat [a-z]+\\.|jackson|snakeyaml).*"), () -> "no Java internals: " + line);
    }

    @Test
    void aColonInAnUnquotedValueNamesLineAndColumn() {
        Path kiosk = write(dir, "kiosk.yaml", "identity:\n  displayName:\n    zh: 办事时间: 9:00\n");

        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(kiosk));

        assertOneCleanLine(e);
        assertEquals(kiosk + ", line 3, column 13: is not valid YAML: mapping values are not allowed here; put quotes around a value "
                + "that contains ': ', or check that the key above is indented the same as its neighbours", e.problems().get(0).toString());
    }

    @Test
    void aTabInTheIndentationSaysToUseSpaces() {
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.parse("backend:\n\turl: http://x\n"));
        assertOneCleanLine(e);
        ConfigProblem p = e.problems().get(0);
        assertEquals("the given text, line 2, column 1: is not valid YAML: a tab character where YAML allows only spaces; "
                + "indent with spaces, never tabs", p.toString());
        assertEquals("indent with spaces, never tabs", p.fix());
    }

    @Test
    void anUnclosedQuoteSaysToCloseIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.parse("identity:\n  kioskId: \"hall-01\n"));
        assertOneCleanLine(e);
        assertEquals("close the quote that opens near this place", e.problems().get(0).fix());
    }

    @Test
    void aKeyIndentedOutOfLineSaysHowToIndent() {
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.parse("backend:\n    url: http://x\n  retries: 3\n"));
        assertOneCleanLine(e);
        assertTrue(e.problems().get(0).where().contains("line 3"), e::getMessage);
    }

    @Test
    void aFileThatDoesNotExistIsNamed() {
        Path missing = dir.resolve("nowhere/kiosk.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(missing));
        assertOneCleanLine(e);
        assertEquals(missing + ": does not exist; give the path of the kiosk's configuration file, e.g. config/kiosk.yaml",
                e.problems().get(0).toString());
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Path gbk = Files.write(dir.resolve("kiosk.yaml"), "identity:\n  displayName:\n    zh: 便民\n".getBytes("GBK"));
        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(gbk));
        assertOneCleanLine(e);
        assertEquals("save it as UTF-8 (without a byte order mark is best)", e.problems().get(0).fix());
    }

    @Test
    void aByteOrderMarkIsTolerated() {
        Path bom = write(dir, "kiosk.yaml", "\uFEFFbackend:\n  retries: 3\n");
        assertEquals(3, KioskConfigLoader.load(bom).backend().retries());
    }

    @Test
    void anEmptyFileOverridesNothing() {
        assertEquals(KioskConfigLoader.defaults(), KioskConfigLoader.parse("# nothing changed yet\n"));
    }

    @Test
    void aListAtTheTopIsRefused() {
        ConfigProblem p = theOneProblemIn("- backend\n- devices\n");
        assertEquals("the given text line 1: holds a list at the top, not keys; start the file with keys such as 'version: 1' or "
                + "'backend:', one per line", p.toString());
    }

    @Test
    void aSecondDocumentIsRefused() {
        ConfigProblem p = theOneProblemIn("backend:\n  retries: 3\n---\nbackend:\n  retries: 4\n");
        assertEquals("holds a second YAML document (after ---)", p.problem());
        assertEquals("the given text line 4", p.where());
    }

    @Test
    void anAliasIsRefusedRatherThanReadAsTheAliasName() {
        ConfigProblem p = theOneProblemIn("devices:\n  idCard:\n    port: &reader /dev/ttyUSB0\n  qrScanner:\n    port: *reader\n");
        assertEquals("devices.qrScanner.port: *reader — is a YAML alias, which kiosk configuration does not use; write the value out "
                + "in full instead of *reader (the given text line 5)", p.toString());
    }

    @Test
    void anAnchorOnAMappingIsRefused() {
        ConfigProblem p = theOneProblemIn("devices:\n  idCard: &reader\n    baud: 9600\n");
        assertEquals("devices.idCard", p.path());
        assertEquals("&reader", p.value());
        assertEquals("remove the &reader and write repeated values out in full", p.fix());
    }

    @Test
    void aTagOfTheCoreSchemaIsAppliedAndAnyOtherIsRefused() {
        assertEquals("is text, expected a whole number", theOneProblemIn("backend:\n  retries: !!str 3\n").problem());
        ConfigProblem p = theOneProblemIn("backend:\n  retries: !secret 3\n");
        assertEquals("backend.retries", p.path());
        assertEquals("!secret", p.value());
        assertEquals("remove the !secret; quote a value that must stay text, e.g. '0123'", p.fix());
    }
}
