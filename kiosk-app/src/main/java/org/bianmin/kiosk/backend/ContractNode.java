package org.bianmin.kiosk.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One JSON value of a backend answer, read against the contract: a required field that is missing,
 * null or of the wrong type is a {@link Violation} naming the field's path (e.g. {@code services[2].guide.steps}),
 * never a silent null.
 */
record ContractNode(JsonNode json, String path) {

    /** The answer breaks {@code backend/openapi.yaml}. */
    static final class Violation extends Exception {
        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message);
        }
    }

    static ContractNode root(JsonNode json) throws Violation {
        if (json == null || !json.isObject()) {
            throw new Violation("the answer is not a JSON object");
        }
        return new ContractNode(json, "");
    }

    String text(String field) throws Violation {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw new Violation("field " + at(field) + " is not a string");
        }
        return v.textValue();
    }

    /** A field the contract allows to be absent or null. */
    Optional<String> optionalText(String field) throws Violation {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new Violation("field " + at(field) + " is not a string");
        }
        return Optional.of(v.textValue());
    }

    int integer(String field) throws Violation {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new Violation("field " + at(field) + " is not an integer");
        }
        return v.intValue();
    }

    Instant instant(String field) throws Violation {
        String s = text(field);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new Violation("field " + at(field) + " is not an ISO date-time: '" + s + "'");
        }
    }

    LocalDate date(String field) throws Violation {
        String s = text(field);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new Violation("field " + at(field) + " is not an ISO date: '" + s + "'");
        }
    }

    Optional<LocalDate> optionalDate(String field) throws Violation {
        Optional<String> s = optionalText(field);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s.get()));
        } catch (DateTimeParseException e) {
            throw new Violation("field " + at(field) + " is not an ISO date: '" + s.get() + "'");
        }
    }

    /** One of {@code allowed}, as sent. */
    String oneOf(String field, List<String> allowed) throws Violation {
        String s = text(field);
        if (!allowed.contains(s)) {
            throw new Violation("field " + at(field) + " is '" + s + "', not one of " + allowed);
        }
        return s;
    }

    ContractNode object(String field) throws Violation {
        JsonNode v = required(field);
        if (!v.isObject()) {
            throw new Violation("field " + at(field) + " is not an object");
        }
        return new ContractNode(v, at(field));
    }

    List<ContractNode> array(String field) throws Violation {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw new Violation("field " + at(field) + " is not an array");
        }
        List<ContractNode> items = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            items.add(new ContractNode(v.get(i), at(field) + "[" + i + "]"));
        }
        return items;
    }

    List<String> texts(String field) throws Violation {
        List<String> out = new ArrayList<>();
        for (ContractNode item : array(field)) {
            if (!item.json().isTextual()) {
                throw new Violation("field " + item.path() + " is not a string");
            }
            out.add(item.json().textValue());
        }
        return out;
    }

    private JsonNode required(String field) throws Violation {
        if (!json.isObject()) {
            throw new Violation("field " + (path.isEmpty() ? "(top level)" : path) + " is not an object");
        }
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            throw new Violation("required field " + at(field) + " is missing");
        }
        return v;
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
