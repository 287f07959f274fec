package org.bianmin.kiosk.backend;

import java.util.List;

/** 办事指南: 受理条件, 申请材料, 办理流程, 办理时限, 办理结果. */
public record Guide(String acceptanceConditions, List<String> materials, List<String> steps, String timeLimit, String result) {
    public Guide {
        materials = List.copyOf(materials);
        steps = List.copyOf(steps);
    }
}
