package org.bianmin.backend.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A published, versioned set of evaluation indicators; an evaluation names the version it was made with. */
public record IndicatorSet(int version, LocalDate publishedOn, List<Indicator> indicators) {
    public IndicatorSet {
        indicators = List.copyOf(indicators);
    }

    public Optional<Indicator> find(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
