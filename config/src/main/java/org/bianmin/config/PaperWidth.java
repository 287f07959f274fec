package org.bianmin.config;

/** The receipt roll's width. */
public enum PaperWidth {
    MM58(58),
    MM80(80);

    private final int millimetres;

    PaperWidth(int millimetres) {
        this.millimetres = millimetres;
    }

    public int millimetres() {
        return millimetres;
    }
}
