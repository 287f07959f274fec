package org.bianmin.backend.domain;

import java.util.List;

/**
 * The licence kinds the backend issues, each with its Chinese name, the 3-digit type number that
 * completes its e-licence type code, and the surface fields (照面信息) its face shows, in order.
 */
public enum LicenceKind {
    BUSINESS_LICENCE("营业执照", "001",
            List.of("统一社会信用代码", "名称", "类型", "法定代表人", "注册资本", "成立日期", "住所", "经营范围")),
    PESTICIDE_BUSINESS("农药经营许可证", "002",
            List.of("经营者名称", "统一社会信用代码", "法定代表人", "住所", "经营范围", "经营场所", "仓储场所")),
    BREEDING_LIVESTOCK("种畜禽生产经营许可证", "003",
            List.of("单位名称", "统一社会信用代码", "法定代表人", "地址", "生产经营范围", "畜禽品种", "生产经营方式"));

    private final String chinese;
    private final String typeNumber;
    private final List<String> surfaceFieldNames;

    LicenceKind(String chinese, String typeNumber, List<String> surfaceFieldNames) {
        this.chinese = chinese;
        this.typeNumber = typeNumber;
        this.surfaceFieldNames = surfaceFieldNames;
    }

    public String chinese() {
        return chinese;
    }

    public String typeNumber() {
        return typeNumber;
    }

    public List<String> surfaceFieldNames() {
        return surfaceFieldNames;
    }
}
