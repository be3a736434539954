package io.licenseflow.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is the stable, machine-readable error code clients switch on;
 * {@code type} is the same code as a URN. {@code errors} lists field-level problems, when there are any.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemCode code, String detail) {
        return of(code, detail, List.of());
    }

    public static Problem of(ProblemCode code, String detail, List<FieldError> errors) {
        return new Problem("urn:licenseflow:problem:" + code.code(), code.title(), code.status(), detail, code.code(), errors);
    }

    /** The same problem answered with another status, for statuses without a code of their own. */
    public Problem withStatus(int otherStatus) {
        return new Problem(type, title, otherStatus, detail, code, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
