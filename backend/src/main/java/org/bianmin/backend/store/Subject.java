package org.bianmin.backend.store;

/**
 * The one a kiosk acts for after identification.
 *
 * @param kind citizen or licence
 * @param ref  the citizen's ID number or the licence number; never logged unmasked
 */
public record Subject(SubjectKind kind, String ref) {
    public Subject {
        Checks.present("subject.kind", kind);
        Checks.text("subject.ref", ref, 64);
    }

    public static Subject citizen(String idNumber) {
        return new Subject(SubjectKind.CITIZEN, idNumber);
    }

    public static Subject licence(String number) {
        return new Subject(SubjectKind.LICENCE, number);
    }

    @Override
    public String toString() {
        return kind.wireName() + " " + (ref.length() > 4 ? "*".repeat(ref.length() - 4) + ref.substring(ref.length() - 4) : "****");
    }
}
