package org.bianmin.kiosk.backend;

import java.util.List;
import java.util.Optional;

/** A citizen's 好差评 of one 办件编号. */
public record Evaluation(String caseNumber, Grade grade, int indicatorSetVersion, List<String> indicators, Optional<String> comment) {
    public Evaluation {
        indicators = List.copyOf(indicators);
    }
}
