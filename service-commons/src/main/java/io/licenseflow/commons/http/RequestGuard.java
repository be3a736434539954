package io.licenseflow.commons.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.licenseflow.commons.json.StoredText;
import io.licenseflow.commons.problem.ExceptionProblems;
import io.licenseflow.commons.problem.ExceptionProblems.Answer;
import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.ProblemCode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The first and the last thing every HTTP request meets, before any route (health, metrics and OpenAPI included):
 * it gives the request its {@link CorrelationId}, refuses what no endpoint should have to parse (see docs/errors.md
 * for each limit and code), and turns every failure that escapes the routes into a problem+json answer.
 *
 * <p>What the HTTP codec itself cannot parse (control characters in the request line or a header, a malformed
 * header name or Content-Length, a request line or header block beyond its hard caps) never becomes a request:
 * Vert.x answers a bare 400/414/431 and closes the connection. The caps are set far above our limits, so that
 * everything short of that is answered here.
 */
@ApplicationScoped
public class RequestGuard {

    private static final Logger LOG = Logger.getLogger(RequestGuard.class);
    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    /** Methods whose bodies endpoints read; a body sent with another method is left unread. */
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    /** Headers a request may carry once: a second value would leave it ambiguous which one counts. */
    private static final Set<String> SINGLE_VALUED = Set.of("host", "content-type", "content-length", "content-encoding",
            "authorization", "accept", "idempotency-key", CorrelationId.HEADER.toLowerCase());

    /** A JWS in compact serialisation (RFC 7515 §7.1); the signature may be empty so that alg=none reaches the verifier and fails there. */
    private static final Pattern JWS_COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final RequestLimits limits;
    private final ObjectMapper json;

    public RequestGuard(RequestLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::guard);
        // Bodies are read whole, within the limit, before any endpoint runs: a chunked body beyond it fails here with
        // 413 (through answerFailure), and endpoints read from memory.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limits.maxBodySize().asLongValue()).setMergeFormAttributes(false);
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (BODY_METHODS.contains(context.request().method()) && hasBody(context.request().headers())) {
                body.handle(context);
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> answerFailure(context, context.statusCode()));
        // Vert.x answers some failures (a path it cannot decode) through these rather than the failure handlers.
        for (int status = 400; status < 600; status++) {
            int code = status;
            router.errorHandler(code, context -> answerFailure(context, code));
        }
    }

    private void guard(RoutingContext context) {
        Problem problem = correlate(context);
        if (problem == null) {
            problem = violation(context.request());
        }
        if (problem == null) {
            context.next();
            return;
        }
        refuse(context, problem);
    }

    /** Gives the request its correlation id; a problem when the caller sent one we cannot use. */
    private static Problem correlate(RoutingContext context) {
        if (context.get(CorrelationId.MDC_KEY) != null) {
            CorrelationId.set(context.get(CorrelationId.MDC_KEY));
            return null;
        }
        String sent = context.request().getHeader(CorrelationId.HEADER);
        boolean sentValidId = sent != null && CorrelationId.isValid(sent);
        String id = sentValidId ? sent : CorrelationId.generate();
        context.put(CorrelationId.MDC_KEY, id);
        CorrelationId.set(id);
        context.response().putHeader(CorrelationId.HEADER, id);
        return sent != null && !sentValidId
                ? Problem.of(ProblemCode.INVALID_HEADER, CorrelationId.HEADER + " must be 1 to 128 letters, digits, '.', '_', ':' or '-'")
                : null;
    }

    private void refuse(RoutingContext context, Problem problem) {
        // An unread body is not drained: the connection closes after the answer.
        boolean close = problem.status() == 413 || hasBody(context.request().headers());
        if (problem.status() == 405) {
            context.response().putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
        }
        if (problem.status() == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        write(context, problem, close);
    }

    private Problem violation(HttpServerRequest request) {
        String uri = request.uri();
        if (uri.length() > limits.maxUriLength()) {
            return Problem.of(ProblemCode.URI_TOO_LONG, "the request URI has " + uri.length() + " characters; at most "
                    + limits.maxUriLength() + " are accepted");
        }
        Problem headers = headerViolation(request.headers());
        if (headers != null) {
            return headers;
        }
        if (!METHODS.contains(request.method())) {
            return Problem.of(ProblemCode.METHOD_NOT_ALLOWED, "unknown method " + request.method().name());
        }
        String uriProblem = RequestTarget.firstProblem(uri, request.path(), request.query(), limits.maxQueryParameters());
        if (uriProblem != null) {
            return Problem.of(ProblemCode.INVALID_URI, uriProblem);
        }
        return bodyViolation(request.headers());
    }

    private Problem headerViolation(MultiMap headers) {
        int count = 0;
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            count++;
            bytes += header.getKey().length() + header.getValue().length();
        }
        if (count > limits.maxHeaderCount() || bytes > limits.maxHeaderBytes()) {
            return Problem.of(ProblemCode.HEADERS_TOO_LARGE, "the request has " + count + " header fields of " + bytes
                    + " bytes; at most " + limits.maxHeaderCount() + " fields of " + limits.maxHeaderBytes() + " bytes are accepted");
        }
        for (String name : headers.names()) {
            if (SINGLE_VALUED.contains(name.toLowerCase()) && headers.getAll(name).size() > 1) {
                return Problem.of(ProblemCode.INVALID_HEADER, name + " may appear only once");
            }
            for (String value : headers.getAll(name)) {
                String problem = StoredText.firstProblem(value);
                if (problem != null) {
                    return Problem.of(ProblemCode.INVALID_HEADER, name + " contains " + problem);
                }
            }
        }
        String authorization = headers.get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !JWS_COMPACT.matcher(authorization.substring(7).strip()).matches()) {
            return Problem.of(ProblemCode.UNAUTHENTICATED, "the bearer token is not a JSON Web Token (three base64url parts)");
        }
        String accept = headers.get(HttpHeaders.ACCEPT);
        if (accept != null && !MediaTypes.isValidAccept(accept)) {
            return Problem.of(ProblemCode.INVALID_HEADER, "Accept is not a list of media ranges (RFC 9110 §12.5.1)");
        }
        return null;
    }

    private Problem bodyViolation(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return Problem.of(ProblemCode.INVALID_HEADER, "Content-Length must be a number");
            }
            if (bytes > limits.maxBodySize().asLongValue()) {
                return Problem.of(ProblemCode.PAYLOAD_TOO_LARGE, "the body has " + bytes + " bytes; at most "
                        + limits.maxBodySize().asLongValue() + " are accepted");
            }
        }
        String encoding = headers.get(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            return Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "content codings (" + encoding + ") are not supported: send the body as is");
        }
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return hasBody(headers) ? Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "a request with a body must say its Content-Type: application/json") : null;
        }
        MediaTypes.ContentType contentType = MediaTypes.contentType(type);
        if (contentType == null) {
            return Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type is not a media type (RFC 9110 §8.3.1)");
        }
        if (contentType.isJson() && contentType.charset() != null && !contentType.charset().equals("utf-8")) {
            return Problem.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "JSON must be UTF-8 (RFC 8259 §8.1), not " + contentType.charset());
        }
        return null;
    }

    private static boolean hasBody(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return headers.contains(HttpHeaders.TRANSFER_ENCODING) || (length != null && !length.trim().equals("0"));
    }

    private void answerFailure(RoutingContext context, int status) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        HttpServerRequest request = context.request();
        // Vert.x fails some requests before any route runs (a missing Host, a path it cannot decode): check them as
        // guard() would have, so that they get the same answers.
        boolean guarded = context.get(CorrelationId.MDC_KEY) != null;
        Problem refused = correlate(context);
        if (!guarded && refused == null) {
            refused = violation(request);
        }
        if (refused == null && request.version() != HttpVersion.HTTP_1_0 && request.authority() == null) {
            refused = Problem.of(ProblemCode.INVALID_HEADER, "the Host header is missing or is not host[:port]");
        }
        if (refused != null) {
            refuse(context, refused);
            return;
        }
        String where = request.method().name() + " " + request.path();
        Answer answer = context.failure() != null
                ? ExceptionProblems.answer(context.failure(), where)
                : ExceptionProblems.forStatus(status, where);
        if (response.headWritten()) {
            LOG.warnf("failed after the response started; closing the connection (%s, correlation id %s)", where, CorrelationId.current());
            context.request().connection().close();
            return;
        }
        answer.headers().forEach(response::putHeader);
        write(context, answer.problem(), answer.problem().status() == 413);
    }

    /** Answers the problem; with {@code close}, the connection closes once the answer is sent (its body was not read). */
    private void write(RoutingContext context, Problem problem, boolean close) {
        HttpServerResponse response = context.response();
        try {
            byte[] body = json.writeValueAsBytes(problem.withCorrelationId(CorrelationId.current()));
            response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            if (close) {
                response.putHeader(HttpHeaders.CONNECTION, "close");
                response.endHandler(sent -> context.request().connection().close());
            }
            response.end(Buffer.buffer(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem cannot be written as JSON", e);
        }
    }
}
