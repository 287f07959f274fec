package org.bianmin.backend.domain;

/** Participation status of one insurance as a certificate prints it. */
public enum InsuranceStatus {
    ACTIVE("正常参保"),
    SUSPENDED("暂停缴费"),
    TERMINATED("终止");

    private final String chinese;

    InsuranceStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
