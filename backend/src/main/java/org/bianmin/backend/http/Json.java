package org.bianmin.backend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.stream.Collectors;

/** The API's JSON: strict on the way in (unknown fields, wrong types, trailing data are errors), ISO times on the way out. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // a number or boolean where text is expected is a mistake, not something to stringify
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reads a request body as {@code type}.
     *
     * @throws ApiProblemException (400) naming the field and what is wrong with it
     */
    public static <T> T read(ObjectMapper mapper, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ApiProblemException(ApiProblem.invalid(null, "the request body is empty; send a JSON object"));
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new ApiProblemException(ApiProblem.invalid(null, "the request body is null; send a JSON object"));
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw new ApiProblemException(ApiProblem.invalid(field, "unknown field '" + field + "'; the fields are "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))));
        } catch (MismatchedInputException e) {
            String field = path(e);
            String detail = field == null
                    ? "the request body must be a JSON object"
                    : "field '" + field + "' has the wrong type; expected " + expected(e.getTargetType());
            throw new ApiProblemException(ApiProblem.invalid(field, detail));
        } catch (JsonMappingException e) {
            // a record constructor refused a value: the store's message names the field
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new ApiProblemException(ApiProblem.invalid(path(e), "the request body does not fit: " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ApiProblemException(ApiProblem.invalid(null, "the request body is not valid JSON"
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage()));
        }
    }

    private static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Instant.class) {
            return "a UTC time such as 2026-11-25T07:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
