package org.bianmin.backend.store;

import java.util.Locale;

/** What an identification found: a citizen (by ID number) or a licence (by licence number). */
public enum SubjectKind {
    CITIZEN, LICENCE;

    /** The lower-case name used in the database and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubjectKind fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
