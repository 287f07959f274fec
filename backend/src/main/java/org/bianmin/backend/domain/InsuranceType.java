package org.bianmin.backend.domain;

/** The five social insurances (五险) a participation certificate summarises, in the order it lists them. */
public enum InsuranceType {
    PENSION("企业职工基本养老保险"),
    MEDICAL("职工基本医疗保险"),
    UNEMPLOYMENT("失业保险"),
    WORK_INJURY("工伤保险"),
    MATERNITY("生育保险");

    private final String chinese;

    InsuranceType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
