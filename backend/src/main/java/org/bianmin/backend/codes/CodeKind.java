package org.bianmin.backend.codes;

/** The kinds of identifier this package checks, each with the name an error message shows. */
public enum CodeKind {
    ID_NUMBER("ID number (公民身份号码)"),
    CREDIT_CODE("unified social credit code (统一社会信用代码)"),
    LICENCE_IDENTIFIER("electronic-licence identifier (电子证照标识)");

    private final String label;

    CodeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
