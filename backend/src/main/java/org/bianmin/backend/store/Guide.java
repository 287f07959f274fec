package org.bianmin.backend.store;

import java.util.List;

/**
 * A service's 办事指南 (service guide), as a citizen reads it on the kiosk before starting.
 *
 * @param acceptanceConditions 受理条件: who may apply and when
 * @param materials            申请材料: what to bring, in order
 * @param steps                办理流程: the steps at the kiosk, in order
 * @param timeLimit            办理时限, e.g. 即时办结
 * @param result               办理结果: what the citizen leaves with
 */
public record Guide(String acceptanceConditions, List<String> materials, List<String> steps, String timeLimit,
                    String result) {
    public Guide {
        Checks.text("guide.acceptanceConditions", acceptanceConditions, 2000);
        materials = items("guide.materials", materials);
        steps = items("guide.steps", steps);
        Checks.text("guide.timeLimit", timeLimit, 500);
        Checks.text("guide.result", result, 500);
    }

    private static List<String> items(String field, List<String> items) {
        Checks.present(field, items);
        if (items.isEmpty()) {
            throw new InvalidInputException(field, "must list at least one item");
        }
        for (String item : items) {
            Checks.text(field + "[]", item, 1000);
        }
        return List.copyOf(items);
    }
}
