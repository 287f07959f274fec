package org.bianmin.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin's change to one service's 办事指南 (service guide): each field the configuration sets replaces the backend's
 * field of the same name on the guide screen, the others stay as the backend gives them.
 *
 * @param acceptanceConditions 受理条件: who may apply
 * @param materials            申请材料: what to bring, one item per line
 * @param steps                办理流程: the steps, in order
 * @param timeLimit            办理时限: how long it takes
 * @param result               办理结果: what the citizen gets
 * @param note                 a local note the backend has no field for, e.g. the township office's address or hours
 */
public record GuideOverride(Optional<LocalizedText> acceptanceConditions, Optional<List<LocalizedText>> materials,
                            Optional<List<LocalizedText>> steps, Optional<LocalizedText> timeLimit, Optional<LocalizedText> result,
                            Optional<LocalizedText> note) {

    public GuideOverride {
        Objects.requireNonNull(acceptanceConditions, "acceptanceConditions");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(note, "note");
        materials = materials.map(List::copyOf);
        steps = steps.map(List::copyOf);
    }
}
