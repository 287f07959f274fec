package org.bianmin.kiosk.ui.theme;

import javafx.scene.layout.Region;

/**
 * Simple shape icons that go beside a word, never instead of it (no colour-only or icon-only cues).
 * Each is a region shaped by an SVG path on a 24 × 24 grid, sized and coloured by the theme in em, so
 * it grows with elder mode; no font glyphs (a missing glyph would show a box).
 */
public enum Icon {
    CHECK("M9 16.2 L4.8 12 L3.4 13.4 L9 19 L21 7 L19.6 5.6 Z"),
    CROSS("M19 6.4 L17.6 5 L12 10.6 L6.4 5 L5 6.4 L10.6 12 L5 17.6 L6.4 19 L12 13.4 L17.6 19 L19 17.6 L13.4 12 Z"),
    WARNING("M12 2 L23 21 L1 21 Z M11 9 L11 15 L13 15 L13 9 Z M11 17 L11 19 L13 19 L13 17 Z"),
    CLOCK("M12 2 A10 10 0 1 0 12.01 2 Z M12 4 A8 8 0 1 1 11.99 4 Z M11 6 L11 13 L16.5 16.2 L17.5 14.5 L13 11.9 L13 6 Z"),
    HOURGLASS("M6 2 L18 2 L18 7 L13.5 12 L18 17 L18 22 L6 22 L6 17 L10.5 12 L6 7 Z M8 4 L8 6.3 L12 10.6 L16 6.3 L16 4 Z"),
    DOCUMENT("M5 2 L15 2 L20 7 L20 22 L5 22 Z M7 4 L7 20 L18 20 L18 8 L14 8 L14 4 Z M9 11 L16 11 L16 12.5 L9 12.5 Z "
            + "M9 14.5 L16 14.5 L16 16 L9 16 Z"),
    RECEIPT("M6 2 L18 2 L18 22 L16 20.5 L14 22 L12 20.5 L10 22 L8 20.5 L6 22 Z M8.5 6 L8.5 7.5 L15.5 7.5 L15.5 6 Z "
            + "M8.5 10 L8.5 11.5 L15.5 11.5 L15.5 10 Z M8.5 14 L8.5 15.5 L13 15.5 L13 14 Z"),
    PRINTER("M7 2 L17 2 L17 7 L20 7 A2 2 0 0 1 22 9 L22 17 L17 17 L17 22 L7 22 L7 17 L2 17 L2 9 A2 2 0 0 1 4 7 L7 7 Z "
            + "M9 4 L9 7 L15 7 L15 4 Z M9 14 L9 20 L15 20 L15 14 Z"),
    CARD("M2 5 L22 5 L22 19 L2 19 Z M4 7 L4 17 L20 17 L20 7 Z M5.5 9 L10.5 9 L10.5 15 L5.5 15 Z M12 9.5 L18.5 9.5 L18.5 11 L12 11 Z "
            + "M12 13 L17 13 L17 14.5 L12 14.5 Z"),
    EXIT("M3 3 L14 3 L14 8 L12 8 L12 5 L5 5 L5 19 L12 19 L12 16 L14 16 L14 21 L3 21 Z M16 7 L21 12 L16 17 L16 13 L8 13 L8 11 L16 11 Z"),
    INFO("M12 2 A10 10 0 1 0 12.01 2 Z M11 10 L13 10 L13 18 L11 18 Z M11 6 L13 6 L13 8 L11 8 Z"),
    PAUSE("M6 4 L10 4 L10 20 L6 20 Z M14 4 L18 4 L18 20 L14 20 Z"),
    ARROW_LEFT("M20 11 L7.8 11 L13.4 5.4 L12 4 L4 12 L12 20 L13.4 18.6 L7.8 13 L20 13 Z"),
    ARROW_RIGHT("M4 11 L16.2 11 L10.6 5.4 L12 4 L20 12 L12 20 L10.6 18.6 L16.2 13 L4 13 Z"),
    PLUS("M11 4 L13 4 L13 11 L20 11 L20 13 L13 13 L13 20 L11 20 L11 13 L4 13 L4 11 L11 11 Z"),
    MINUS("M4 11 L20 11 L20 13 L4 13 Z"),
    PERSON("M12 3 A4.5 4.5 0 1 0 12.01 3 Z M3 21 C3 15 7 13 12 13 C17 13 21 15 21 21 Z");

    /** Two specks at opposite corners of the grid, so every shape scales as a 24 × 24 square and keeps its proportions. */
    private static final String FRAME = " M0 0 L0.01 0 L0 0.01 Z M24 24 L23.99 24 L24 23.99 Z";

    private final String path;

    Icon(String path) {
        this.path = path;
    }

    /** The SVG path on a 24 × 24 grid. */
    public String path() {
        return path;
    }

    /** A new region of this shape with style classes {@code icon} and {@code icon-<name>}. */
    public Region node() {
        Region r = new Region();
        r.getStyleClass().addAll("icon", "icon-" + name().toLowerCase().replace('_', '-'));
        r.setStyle("-fx-shape: \"" + path + FRAME + "\";");
        return r;
    }
}
