package org.bianmin.backend.store;

/** The five grades of 好差评, best first; the first three are 好评 (positive), the last two 差评 (negative). */
public enum Grade {
    VERY_SATISFIED("非常满意", Polarity.POSITIVE),
    SATISFIED("满意", Polarity.POSITIVE),
    BASICALLY_SATISFIED("基本满意", Polarity.POSITIVE),
    DISSATISFIED("不满意", Polarity.NEGATIVE),
    VERY_DISSATISFIED("非常不满意", Polarity.NEGATIVE);

    /** Whether an indicator praises or faults the service; a grade accepts indicators of its own polarity. */
    public enum Polarity { POSITIVE, NEGATIVE }

    private final String label;
    private final Polarity polarity;

    Grade(String label, Polarity polarity) {
        this.label = label;
        this.polarity = polarity;
    }

    /** The grade as the citizen sees it, e.g. 非常满意. */
    public String label() {
        return label;
    }

    public Polarity polarity() {
        return polarity;
    }

    /** The grade for its code ({@code VERY_SATISFIED}) or its label ({@code 非常满意}). */
    public static Grade parse(String value) {
        Checks.present("grade", value);
        for (Grade g : values()) {
            if (g.name().equals(value) || g.label.equals(value)) {
                return g;
            }
        }
        throw new InvalidInputException("grade", "must be one of VERY_SATISFIED (非常满意), SATISFIED (满意), "
                + "BASICALLY_SATISFIED (基本满意), DISSATISFIED (不满意), VERY_DISSATISFIED (非常不满意)");
    }
}
