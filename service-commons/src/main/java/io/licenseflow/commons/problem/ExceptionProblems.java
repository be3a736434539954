package io.licenseflow.commons.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.licenseflow.commons.http.CorrelationId;
import io.licenseflow.commons.json.RejectedJsonInput;
import io.licenseflow.commons.problem.Problem.FieldError;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The one place that decides which problem an exception is, for the REST layer ({@link ProblemMappers}) and for
 * failures below it (the HTTP layer's failure handler). Client errors name what was wrong; anything unexpected is
 * an {@code internal-error} whose body says nothing of the cause and whose correlation id leads to the log line
 * with the stack trace.
 */
public final class ExceptionProblems {

    private static final Logger LOG = Logger.getLogger(ExceptionProblems.class);
    private static final List<String> CARRIED_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER);

    /** A problem with the response headers it needs (Allow, WWW-Authenticate, Retry-After). */
    public record Answer(Problem problem, Map<String, String> headers) {

        static Answer of(Problem problem) {
            return new Answer(problem, Map.of());
        }

        public jakarta.ws.rs.core.Response toResponse() {
            jakarta.ws.rs.core.Response.ResponseBuilder response = jakarta.ws.rs.core.Response.fromResponse(problem.toResponse());
            headers.forEach(response::header);
            return response.build();
        }
    }

    private ExceptionProblems() {
    }

    /** Translates {@code failure}, raised while serving {@code request} (e.g. "POST /v1/accounts"). */
    public static Answer answer(Throwable failure, String request) {
        Answer answer = translate(failure);
        if (answer.problem().status() >= 500) {
            LOG.errorf(failure, "internal error serving %s (correlation id %s)", request, CorrelationId.current());
        }
        return answer;
    }

    /** The problem for a bare status set by the HTTP layer without an exception (e.g. 400 for a missing Host). */
    public static Answer forStatus(int status, String request) {
        if (status >= 500 || status < 400) {
            LOG.errorf("internal error serving %s: status %d without a cause (correlation id %s)", request, status, CorrelationId.current());
            return Answer.of(internalError());
        }
        ProblemCode code = ProblemCode.forStatus(status);
        return Answer.of(Problem.of(code, code.title()).withStatus(status));
    }

    static Answer translate(Throwable e) {
        if (e instanceof ProblemException problem) {
            return Answer.of(problem.problem());
        }
        JacksonException json = innermost(e, JacksonException.class);
        if (json != null) {
            return Answer.of(json(json, outermost(e, JsonMappingException.class)));
        }
        if (e instanceof ConstraintViolationException invalid) {
            return Answer.of(invalid(invalid));
        }
        if (e instanceof UnauthorizedException || e instanceof AuthenticationFailedException || e instanceof AuthenticationCompletionException) {
            return new Answer(Problem.of(ProblemCode.UNAUTHENTICATED, "a valid bearer token is required"),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        if (e instanceof ForbiddenException) {
            return Answer.of(Problem.of(ProblemCode.FORBIDDEN, "your roles do not allow this operation"));
        }
        if (e instanceof NotFoundException) {
            return Answer.of(Problem.of(ProblemCode.NOT_FOUND, "no such resource"));
        }
        if (e instanceof NotSupportedException) {
            return Answer.of(Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "send application/json"));
        }
        if (e instanceof NotAcceptableException) {
            return Answer.of(Problem.of(ProblemCode.NOT_ACCEPTABLE, "this resource answers application/json only"));
        }
        if (e instanceof NotAllowedException notAllowed) {
            return withHeaders(Problem.of(ProblemCode.METHOD_NOT_ALLOWED, "the resource does not support this method"), notAllowed);
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() >= 400 && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            ProblemCode code = ProblemCode.forStatus(status);
            return withHeaders(Problem.of(code, code.title()).withStatus(status), web);
        }
        if (e instanceof io.vertx.ext.web.handler.HttpException http && http.getStatusCode() >= 400 && http.getStatusCode() < 500) {
            ProblemCode code = ProblemCode.forStatus(http.getStatusCode());
            return Answer.of(Problem.of(code, code.title()).withStatus(http.getStatusCode()));
        }
        return Answer.of(internalError());
    }

    private static Problem internalError() {
        return Problem.of(ProblemCode.INTERNAL_ERROR,
                "an unexpected error occurred; nothing was changed unless a later read shows otherwise. Quote the correlation id to support");
    }

    private static Problem json(JacksonException cause, JsonMappingException mapping) {
        String field = mapping == null ? null : FieldPath.of(mapping.getPath());
        if (cause instanceof RejectedJsonInput rejected) {
            return rejected.problem();
        }
        if (cause instanceof StreamConstraintsException limit) {
            return Problem.of(ProblemCode.JSON_LIMIT_EXCEEDED, limit.getOriginalMessage().replaceAll(" ?\\(?,? ?from `[^`]*`\\)?", ""));
        }
        if (cause instanceof InputCoercionException) {
            return fieldProblem(ProblemCode.NUMBER_OUT_OF_RANGE, field, "is out of range for its type");
        }
        if (cause instanceof JsonParseException parse) {
            String message = parse.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                String name = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
                String duplicate = parse.getProcessor() == null ? name
                        : FieldPath.ofPointer(((com.fasterxml.jackson.core.JsonParser) parse.getProcessor()).getParsingContext().pathAsPointer().toString());
                return fieldProblem(ProblemCode.DUPLICATE_FIELD, duplicate.isEmpty() ? name : duplicate, "appears more than once");
            }
            return Problem.of(ProblemCode.MALFORMED_JSON, message);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String name = FieldPath.of(unknown.getPath());
            return fieldProblem(ProblemCode.UNKNOWN_FIELD, name, "is not a field of this request");
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            String reason = instantiation.getCause() == null ? "is invalid" : instantiation.getCause().getMessage();
            return fieldProblem(ProblemCode.VALIDATION_FAILED, field, reason);
        }
        if (cause instanceof InvalidDefinitionException) {
            throw new IllegalStateException("a request type cannot be read from JSON", cause);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return Problem.of(ProblemCode.MALFORMED_JSON, "request body must be a JSON object");
            }
            String expected = mismatch.getTargetType() == null ? "of another type" : describe(mismatch.getTargetType());
            return fieldProblem(ProblemCode.WRONG_TYPE, field, "must be " + expected);
        }
        if (cause instanceof JsonMappingException) {
            return field == null || field.isEmpty() ? Problem.of(ProblemCode.WRONG_TYPE, cause.getOriginalMessage())
                    : fieldProblem(ProblemCode.WRONG_TYPE, field, "has the wrong type");
        }
        return Problem.of(ProblemCode.MALFORMED_JSON, cause.getOriginalMessage());
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum() || type == java.util.UUID.class) {
            return type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static Problem fieldProblem(ProblemCode code, String field, String message) {
        if (field == null || field.isEmpty()) {
            return Problem.of(code, "request body " + message);
        }
        return Problem.of(code, "field '" + field + "' " + message, List.of(new FieldError(field, message)));
    }

    private static Problem invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(ProblemCode.VALIDATION_FAILED, detail, errors);
    }

    /** "create.request.name" → "name": clients know their fields, not our method parameters. */
    private static String field(ConstraintViolation<?> violation) {
        String[] parts = violation.getPropertyPath().toString().split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }

    private static Answer withHeaders(Problem problem, WebApplicationException e) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : CARRIED_HEADERS) {
            String value = e.getResponse().getHeaderString(header);
            if (value != null) {
                headers.put(header, value);
            }
        }
        return new Answer(problem, headers);
    }

    private static <T extends Throwable> T innermost(Throwable e, Class<T> type) {
        T found = null;
        for (Throwable t : chain(e)) {
            if (type.isInstance(t)) {
                found = type.cast(t);
            }
        }
        return found;
    }

    private static <T extends Throwable> T outermost(Throwable e, Class<T> type) {
        for (Throwable t : chain(e)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 16 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
