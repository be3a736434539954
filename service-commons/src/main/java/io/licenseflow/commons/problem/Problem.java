package io.licenseflow.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.licenseflow.commons.input.StoredText;
import io.licenseflow.commons.logging.CorrelationId;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is the stable, machine-readable error code clients switch on;
 * {@code type} is the same code as a URN. {@code errors} lists field-level problems, when there are any.
 * {@code correlationId} is the request's id (also in the {@code X-Correlation-Id} header and in every log line
 * the request caused): quote it to support.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final int MAX_TEXT = 300;

    public record FieldError(String field, String message) {

        public FieldError {
            field = StoredText.replaceUnstorable(field, MAX_TEXT);
            message = StoredText.replaceUnstorable(message, MAX_TEXT);
        }
    }

    /** Details may quote client input: they are cut short and keep no control characters or lone surrogates. */
    public Problem {
        detail = StoredText.replaceUnstorable(detail, MAX_TEXT);
    }

    public static Problem of(ProblemCode code, String detail) {
        return of(code, detail, List.of());
    }

    public static Problem of(ProblemCode code, String detail, List<FieldError> errors) {
        return new Problem("urn:licenseflow:problem:" + code.code(), code.title(), code.status(), detail, code.code(), errors, null);
    }

    /** The general problem of an HTTP status, for answers the HTTP layer decided without an exception. */
    public static Problem ofStatus(int status) {
        ProblemCode code = ProblemCode.forStatus(status);
        return of(code, code.title()).withStatus(status);
    }

    /** The same problem answered with another status, for statuses without a code of their own. */
    public Problem withStatus(int otherStatus) {
        return new Problem(type, title, otherStatus, detail, code, errors, correlationId);
    }

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, code, errors, id);
    }

    /** The problem as a response, stamped with the current request's correlation id. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(withCorrelationId(CorrelationId.current())).build();
    }
}
