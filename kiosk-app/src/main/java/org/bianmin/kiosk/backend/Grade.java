package org.bianmin.kiosk.backend;

/** The five grades of 好差评, best first. */
public enum Grade {
    VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, VERY_DISSATISFIED;

    /** The three good grades; a bad grade must name at least one indicator. */
    public boolean good() {
        return ordinal() <= BASICALLY_SATISFIED.ordinal();
    }
}
