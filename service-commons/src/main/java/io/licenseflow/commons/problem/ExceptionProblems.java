package io.licenseflow.commons.problem;

import io.licenseflow.commons.logging.CorrelationId;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.handler.HttpException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The one place that decides which problem an exception is, for the REST layer ({@link ProblemMappers}) and for
 * failures below it (the HTTP layer's failure handler). Client errors name what was wrong; anything unexpected is an
 * {@code internal-error} whose body says nothing of the cause and whose correlation id leads to the log line with the
 * stack trace.
 */
public final class ExceptionProblems {

    private static final Logger LOG = Logger.getLogger(ExceptionProblems.class);
    public static final String WWW_AUTHENTICATE_BEARER = "Bearer";
    private static final List<String> CARRIED_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER);

    /** A problem with the response headers it needs (Allow, WWW-Authenticate, Retry-After). */
    public record Answer(Problem problem, Map<String, String> headers) {

        static Answer of(Problem problem) {
            return new Answer(problem, Map.of());
        }

        public Response toResponse() {
            Response.ResponseBuilder response = Response.fromResponse(problem.toResponse());
            headers.forEach(response::header);
            return response.build();
        }
    }

    private ExceptionProblems() {
    }

    /**
     * Translates {@code failure}, raised while serving {@code request} (e.g. "POST /v1/accounts"). {@code status} is a
     * client-error status the HTTP layer attached to the failure (0 if none): it wins over an internal error, since
     * the layer already judged the request malformed.
     */
    public static Answer answer(Throwable failure, int status, String request) {
        Answer answer = translate(failure);
        if (answer.problem().status() >= 500 && status >= 400 && status < 500) {
            return Answer.of(Problem.ofStatus(status));
        }
        if (answer.problem().code().equals(ProblemCode.INTERNAL_ERROR.code())) {
            LOG.errorf(failure, "internal error serving %s (correlation id %s)", request, CorrelationId.current());
        }
        return answer;
    }

    public static Answer answer(Throwable failure, String request) {
        return answer(failure, 0, request);
    }

    /** The problem for a bare status set by the HTTP layer without an exception (e.g. 400 for a missing Host). */
    public static Answer forStatus(int status, String request) {
        if (status < 400 || status >= 500 && status != 503) {
            LOG.errorf("internal error serving %s: status %d without a cause (correlation id %s)", request, status, CorrelationId.current());
            return Answer.of(internalError());
        }
        return Answer.of(Problem.ofStatus(status));
    }

    static Answer translate(Throwable e) {
        if (e instanceof ProblemException problem) {
            return new Answer(problem.problem(), problem.headers());
        }
        Problem json = JsonProblems.fromRequestBody(e);
        if (json != null) {
            return Answer.of(json);
        }
        if (e instanceof ConstraintViolationException invalid) {
            return Answer.of(invalid(invalid));
        }
        if (e instanceof UnauthorizedException || e instanceof AuthenticationFailedException || e instanceof AuthenticationCompletionException) {
            return new Answer(Problem.of(ProblemCode.UNAUTHENTICATED, "a valid bearer token is required"),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE_BEARER));
        }
        if (e instanceof ForbiddenException) {
            return Answer.of(Problem.of(ProblemCode.FORBIDDEN, "your roles do not allow this operation"));
        }
        if (e instanceof NotFoundException) {
            return Answer.of(Problem.of(ProblemCode.NOT_FOUND, "no such resource"));
        }
        if (e instanceof NotSupportedException) {
            return Answer.of(Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "this resource does not read that media type: send application/json"));
        }
        if (e instanceof NotAcceptableException) {
            return Answer.of(Problem.of(ProblemCode.NOT_ACCEPTABLE, "this resource answers application/json only"));
        }
        if (e instanceof NotAllowedException notAllowed) {
            return withHeaders(Problem.of(ProblemCode.METHOD_NOT_ALLOWED, "the resource does not support this method"), notAllowed);
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (isClientError(status) || status == 503) {
                return withHeaders(Problem.ofStatus(status), web);
            }
        }
        if (e instanceof HttpException http && isClientError(http.getStatusCode())) {
            return Answer.of(Problem.ofStatus(http.getStatusCode()));
        }
        return Answer.of(internalError());
    }

    private static boolean isClientError(int status) {
        return status >= 400 && status < 500;
    }

    static Problem internalError() {
        return Problem.of(ProblemCode.INTERNAL_ERROR,
                "an unexpected error occurred; nothing was changed unless a later read shows otherwise. Quote the correlation id to support");
    }

    private static Problem invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
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
}
