package org.bianmin.backend.store;

/** One reason a citizen may tick beside the grade, e.g. {@code TOO_SLOW} 办理时间过长. */
public record Indicator(String code, String label, Grade.Polarity polarity) {
}
