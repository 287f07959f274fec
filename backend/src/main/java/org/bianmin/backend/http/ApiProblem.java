package org.bianmin.backend.http;

/**
 * An RFC 9457 problem the API answers with: a 4xx (or the one generic 500) and a detail that says what was wrong.
 *
 * @param status HTTP status
 * @param slug   the problem type's last part, e.g. {@code invalid-request}; the type URI is {@code urn:bianmin:problem:<slug>}
 * @param title  short, fixed per type
 * @param detail this occurrence, in words an integrator can act on
 * @param field  the JSON field or path parameter at fault, or null
 */
public record ApiProblem(int status, String slug, String title, String detail, String field) {
    public static final String TYPE_PREFIX = "urn:bianmin:problem:";

    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(400, "invalid-request", "The request is invalid", detail, field);
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }
}
