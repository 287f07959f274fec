package org.bianmin.backend.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A citizen's 好差评 for one case, as the kiosk submits it.
 *
 * @param caseNumber          办件编号 of the case being rated
 * @param grade               one of the five grades
 * @param indicatorSetVersion the indicator set the kiosk showed
 * @param indicators          codes ticked from that set; a negative grade needs at least one
 * @param comment             free text, optional, at most 500 characters
 */
public record EvaluationRequest(String caseNumber, Grade grade, int indicatorSetVersion, List<String> indicators,
                                String comment) {
    static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    public EvaluationRequest {
        Checks.matches("caseNumber", caseNumber, CASE_NUMBER, "must be 1 to 64 letters, digits or hyphens");
        Checks.present("grade", grade);
        if (indicatorSetVersion < 1) {
            throw new InvalidInputException("indicatorSetVersion", "must be a published version (1 or more)");
        }
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        if (new LinkedHashSet<>(indicators).size() != indicators.size()) {
            throw new InvalidInputException("indicators", "must not name an indicator twice");
        }
        if (grade.polarity() == Grade.Polarity.NEGATIVE && indicators.isEmpty()) {
            throw new InvalidInputException("indicators", "a " + grade.label() + " evaluation must name at least one reason");
        }
        Checks.maxLength("comment", comment, 500);
    }
}
