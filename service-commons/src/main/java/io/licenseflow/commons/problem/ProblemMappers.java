package io.licenseflow.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.licenseflow.commons.problem.Problem.FieldError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every client error into an RFC 9457 problem+json body with a stable code. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return Problem.of(ProblemCode.MALFORMED_JSON, e.getOriginalMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        return Problem.of(ProblemCode.UNKNOWN_FIELD, "unknown field '" + field + "'",
                List.of(new FieldError(field, "is not a field of this request"))).toResponse();
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return Problem.of(ProblemCode.MALFORMED_JSON, "request body must be a JSON object").toResponse();
        }
        String field = path(e);
        String expected = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
        return Problem.of(ProblemCode.WRONG_TYPE, "field '" + field + "' must be " + expected,
                List.of(new FieldError(field, "must be " + expected))).toResponse();
    }

    @ServerExceptionMapper
    public Response otherMapping(JsonMappingException e) {
        return Problem.of(ProblemCode.WRONG_TYPE, e.getOriginalMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(ProblemCode.VALIDATION_FAILED, detail, errors).toResponse();
    }

    /** Quarkus REST wraps body-reading failures (such as unparseable JSON) and routing misses in these. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return original;
        }
        ProblemCode code = ProblemCode.forStatus(status);
        Problem problem = Problem.of(code, e.getMessage() == null ? code.title() : e.getMessage()).withStatus(status);
        Response.ResponseBuilder response = Response.fromResponse(problem.toResponse());
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
            if (original.getHeaderString(header) != null) {
                response.header(header, original.getHeaderString(header));
            }
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of(ProblemCode.NOT_FOUND, "no such resource").toResponse();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "send application/json").toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problem.of(ProblemCode.UNAUTHENTICATED, "a valid bearer token is required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(ProblemCode.FORBIDDEN, "your roles do not allow this operation").toResponse();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** "create.request.name" → "name": clients know their fields, not our method parameters. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}
