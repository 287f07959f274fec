-- 好差评 indicator set, version 1: what a citizen may tick beside the grade.
-- Positive indicators go with 非常满意/满意/基本满意, negative ones with 不满意/非常不满意.
INSERT INTO evaluation_indicator_sets (version, published_on) VALUES (1, DATE '2026-01-01');

INSERT INTO evaluation_indicators (set_version, code, label, polarity, ordinal) VALUES
    (1, 'GUIDE_CLEAR',       '办事指南清晰准确', 'positive', 1),
    (1, 'PROCESS_SIMPLE',    '办理流程简便',     'positive', 2),
    (1, 'FAST',              '办理速度快',       'positive', 3),
    (1, 'EASY_TO_USE',       '自助设备好用',     'positive', 4),
    (1, 'GUIDE_UNCLEAR',     '办事指南不清晰',   'negative', 5),
    (1, 'TOO_SLOW',          '办理时间过长',     'negative', 6),
    (1, 'DEVICE_FAULT',      '自助设备故障',     'negative', 7),
    (1, 'RESULT_WRONG',      '办理结果有误',     'negative', 8),
    (1, 'OTHER',             '其他',             'negative', 9);
