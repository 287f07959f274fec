package org.bianmin.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bianmin.kiosk.ui.theme.ChineseFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screens start only with a font that has Chinese glyphs, and say how to get one when there is none. */
class ChineseFontTest {
    private static final Path ZEN_HEI = ChineseFont.KNOWN_FILES.get(0);

    @BeforeAll
    static void platform() {
        KioskUiFixture.startPlatform();
    }

    @Test
    void withNoChineseFontTheStartFailsWithOneLineThatSaysWhatToInstall(@TempDir Path dir) throws Exception {
        Path notAFont = Files.writeString(dir.resolve("broken.ttf"), "not a font");
        ChineseFont none = new ChineseFont(List.of(dir.resolve("missing.ttc"), notAFont), false);
        UiStartException e = assertThrows(UiStartException.class, () -> KioskUiFixture.fx(none::load));
        assertEquals("no Chinese font found; install fonts-wqy-zenhei (./kiosk does this)", e.getMessage());
    }

    @Test
    void wenQuanYiZenHeiIsLoadedByItsProportionalFamilyNotItsMonoSibling() {
        assumeTrue(Files.isRegularFile(ZEN_HEI), "fonts-wqy-zenhei is not installed; ./kiosk test installs it");
        assertEquals("WenQuanYi Zen Hei", KioskUiFixture.fx(new ChineseFont(List.of(ZEN_HEI), false)::load));
    }
}
