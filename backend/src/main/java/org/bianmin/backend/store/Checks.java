package org.bianmin.backend.store;

import java.util.regex.Pattern;

/** Argument checks shared by the store's records; each failure is an {@link InvalidInputException} naming the field. */
final class Checks {
    private Checks() {
    }

    static String matches(String field, String value, Pattern pattern, String rule) {
        present(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, rule);
        }
        return value;
    }

    static String text(String field, String value, int maxLength) {
        present(field, value);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return maxLength(field, value, maxLength);
    }

    static String maxLength(String field, String value, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }
}
