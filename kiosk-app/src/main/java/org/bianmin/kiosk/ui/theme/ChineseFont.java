package org.bianmin.kiosk.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.text.Font;
import org.bianmin.kiosk.ui.UiStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a font with Chinese glyphs and loads it into JavaFX, so that no screen ever shows boxes;
 * the screens name its family in their style.
 */
public final class ChineseFont {
    private static final Logger log = LoggerFactory.getLogger(ChineseFont.class);

    /** Where Debian, Ubuntu, Fedora and Arch put the CJK fonts we know render well, best first. */
    public static final List<Path> KNOWN_FILES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"));

    public static final String NOT_FOUND = "no Chinese font found; install fonts-wqy-zenhei (./kiosk does this)";

    private final List<Path> candidates;
    private final boolean askFontconfig;

    /**
     * @param candidates font files to try in order (a configured one first, then {@link #KNOWN_FILES})
     * @param askFontconfig whether to ask {@code fc-list} for a Chinese font when no candidate exists
     */
    public ChineseFont(List<Path> candidates, boolean askFontconfig) {
        this.candidates = List.copyOf(candidates);
        this.askFontconfig = askFontconfig;
    }

    /** The usual search: {@code configured} if given, the known files, then fontconfig. */
    public static ChineseFont search(Optional<Path> configured) {
        List<Path> c = new ArrayList<>();
        configured.ifPresent(c::add);
        c.addAll(KNOWN_FILES);
        return new ChineseFont(c, true);
    }

    /**
     * Loads the first font file found and returns the family the screens should use; call on the FX thread.
     *
     * @throws UiStartException when none is found or none loads
     */
    public String load() {
        List<Path> tried = new ArrayList<>(candidates);
        if (askFontconfig) {
            tried.addAll(fontconfigChineseFiles());
        }
        for (Path p : tried) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            Optional<String> family = loadFile(p);
            if (family.isPresent()) {
                log.info("Chinese font: {} from {}", family.get(), p);
                return family.get();
            }
        }
        throw new UiStartException(NOT_FOUND);
    }

    private static Optional<String> loadFile(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            Font[] fonts = Font.loadFonts(in, 12);
            if (fonts == null || fonts.length == 0) {
                log.warn("{} holds no font JavaFX can load", p);
                return Optional.empty();
            }
            // a collection holds the proportional face and its Mono/Sharp siblings: the screens want the former
            return Arrays.stream(fonts).map(Font::getFamily)
                    .filter(f -> !f.contains("Mono") && !f.contains("Sharp"))
                    .findFirst().or(() -> Optional.of(fonts[0].getFamily()));
        } catch (IOException e) {
            log.warn("cannot read font file {}: {}", p, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code fc-list :lang=zh-cn file}: the files fontconfig says cover Chinese; none if it is not installed. */
    private static List<Path> fontconfigChineseFiles() {
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh-cn", "file").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return List.of();
            }
            return new String(out, StandardCharsets.UTF_8).lines()
                    .map(l -> l.endsWith(":") ? l.substring(0, l.length() - 1) : l)
                    .map(String::strip)
                    .filter(l -> l.endsWith(".ttc") || l.endsWith(".ttf") || l.endsWith(".otf"))
                    // Droid Sans Fallback has no Latin letters: English screens would fall back glyph by glyph
                    .filter(l -> !l.contains("DroidSansFallback"))
                    .sorted()
                    .map(Path::of)
                    .toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
