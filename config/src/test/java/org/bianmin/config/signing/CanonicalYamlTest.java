package org.bianmin.config.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bianmin.config.ConfigLayer;
import org.bianmin.config.MergedTree;
import org.junit.jupiter.api.Test;

/** Two YAML files that say the same thing give the same canonical bytes; a different value gives different bytes. */
class CanonicalYamlTest {
    private static final String FILE = """
            # Xiaoshan hall, east wing
            identity:
              kioskId: xiaoshan-hall-03
              displayName:
                zh: 萧山区便民服务中心
                en: Xiaoshan Service Centre
            devices:
              receiptPrinter:
                port: tcp://10.0.0.7:9100
                baud: 9600
            languages:
              available: [zh-CN, en]
            session:
              timeouts:
                home: 90
            """;

    @Test
    void keyOrderCommentsQuotingAndWhitespaceDoNotChangeTheBytes() {
        String sameThingWrittenOtherwise = """
            session: {timeouts: {home: 90}}   # flow style
            languages:
                available:
                    - "zh-CN"
                    - 'en'
            devices:
                receiptPrinter: {baud: 9600, port: "tcp://10.0.0.7:9100"}
            identity:
                displayName:
                    en: 'Xiaoshan Service Centre'
                    zh: "\\u8427\\u5c71\\u533a便民服务中心"
                kioskId: xiaoshan-hall-03
            """;

        assertArrayEquals(canonical(FILE), canonical(sameThingWrittenOtherwise));
    }

    @Test
    void aDifferentValueGivesDifferentBytes() {
        assertFalse(Arrays.equals(canonical(FILE), canonical(FILE.replace("home: 90", "home: 91"))));
        assertFalse(Arrays.equals(canonical(FILE), canonical(FILE.replace("萧山区", "萧山县"))));
        assertFalse(Arrays.equals(canonical(FILE), canonical(FILE.replace("[zh-CN, en]", "[en, zh-CN]"))));
    }

    @Test
    void aNumberAndTheSameDigitsQuotedAsTextGiveDifferentBytes() {
        assertFalse(Arrays.equals(canonical(FILE), canonical(FILE.replace("baud: 9600", "baud: '9600'"))));
    }

    @Test
    void theMergedLayersOfAFleetCanBeSigned() {
        ConfigLayer fleet = layer("fleet", "session:\n  timeouts:\n    home: 60\n    identify: 30\n");
        ConfigLayer kiosk = layer("kiosk", "session:\n  timeouts:\n    home: 90\n");

        byte[] merged = CanonicalJson.bytes(MergedTree.merge(List.of(fleet, kiosk)).tree());

        assertArrayEquals(canonical("session: {timeouts: {identify: 30, home: 90}}"), merged);
    }

    @Test
    void theBundledDefaultsCanBeSigned() {
        byte[] bytes = CanonicalJson.bytes(ConfigLayer.fromFile(Path.of("kiosk.yaml")).tree());

        assertTrue(bytes.length > 100);
    }

    private static byte[] canonical(String yaml) {
        return CanonicalJson.bytes(layer("test", yaml).tree());
    }

    private static ConfigLayer layer(String name, String yaml) {
        ConfigLayer layer = ConfigLayer.fromYaml(name, Path.of("."), yaml);
        assertTrue(layer.problems().isEmpty(), () -> layer.problems().toString());
        return layer;
    }
}
