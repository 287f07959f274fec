package org.bianmin.backend.domain;

/** An administrative division: its 6-digit code (GB/T 2260) and its name. */
public record Region(String code, String name) {
    public Region {
        if (code == null || !code.matches("[1-9][0-9]{5}")) {
            throw new InvalidRecordException("region.code", "must be 6 digits, got " + code);
        }
        InvalidRecordException.requiredText(name, "region.name");
    }
}
