package org.bianmin.kiosk.backend;

import java.util.List;

/** The 好差评 indicators a citizen may tick beside the grade, in one published version. */
public record IndicatorSet(int version, List<Indicator> indicators) {

    /** {@code positive} indicators go with the three good grades, the others with the two bad ones. */
    public record Indicator(String code, String label, boolean positive) {}

    public IndicatorSet {
        indicators = List.copyOf(indicators);
    }

    public List<Indicator> forGrade(Grade grade) {
        return indicators.stream().filter(i -> i.positive() == grade.good()).toList();
    }
}
