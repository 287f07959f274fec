package org.bianmin.backend.domain;

/** The gender printed on an ID card and implied by the parity of the ID number's sequence digit. */
public enum Gender {
    MALE("男"),
    FEMALE("女");

    private final String chinese;

    Gender(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
