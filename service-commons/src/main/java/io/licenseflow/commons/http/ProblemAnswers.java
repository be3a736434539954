package io.licenseflow.commons.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.licenseflow.commons.logging.CorrelationId;
import io.licenseflow.commons.problem.ExceptionProblems;
import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.ProblemCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Writes problems at the HTTP layer (below the REST layer, whose mappers write their own). A request whose body was
 * not read gets {@code Connection: close}; the unread body is drained for a while first, so that closing does not
 * reset the connection before the client has read the answer (RFC 9112 §9.6).
 */
final class ProblemAnswers {

    private static final Logger LOG = Logger.getLogger(ProblemAnswers.class);
    private static final long DRAIN_BYTES = 4L << 20;
    private static final long DRAIN_MILLIS = 2000;
    private static final String ALLOWED_METHODS = RequestChecks.METHODS.stream().map(m -> m.name()).sorted().collect(Collectors.joining(", "));
    /** Written when even the problem cannot be: the last resort must not fail. */
    private static final byte[] LAST_RESORT = ("{\"type\":\"urn:licenseflow:problem:internal-error\",\"title\":\"Internal error\","
            + "\"status\":500,\"code\":\"internal-error\"}").getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json;

    ProblemAnswers(ObjectMapper json) {
        this.json = json;
    }

    void answer(RoutingContext context, Problem problem, Map<String, String> headers) {
        HttpServerResponse response = context.response();
        HttpServerRequest request = context.request();
        boolean unreadBody = !request.isEnded() && RequestChecks.hasBody(request.headers());
        // A client that asked to continue sends nothing after a final answer: there is nothing to drain.
        boolean awaitingContinue = "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
        try {
            headers.forEach(response::putHeader);
            if (problem.status() == 405) {
                response.putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
            }
            if (problem.code().equals(ProblemCode.UNAUTHENTICATED.code()) && !response.headers().contains("WWW-Authenticate")) {
                response.putHeader("WWW-Authenticate", ExceptionProblems.WWW_AUTHENTICATE_BEARER);
            }
            response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            if (unreadBody) {
                response.putHeader(HttpHeaders.CONNECTION, "close");
            }
            response.end(Buffer.buffer(json.writeValueAsBytes(problem.withCorrelationId(CorrelationId.current()))));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf(e, "could not write a problem answer (correlation id %s)", CorrelationId.current());
            if (!response.ended() && !response.headWritten()) {
                response.setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(Buffer.buffer(LAST_RESORT));
            }
        }
        if (unreadBody && awaitingContinue) {
            request.connection().close();
        } else if (unreadBody) {
            drainThenClose(context);
        }
    }

    private static void drainThenClose(RoutingContext context) {
        HttpServerRequest request = context.request();
        long[] drained = {0};
        long timer = context.vertx().setTimer(DRAIN_MILLIS, t -> request.connection().close());
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > DRAIN_BYTES) {
                context.vertx().cancelTimer(timer);
                request.connection().close();
            }
        });
        request.endHandler(end -> {
            context.vertx().cancelTimer(timer);
            request.connection().close();
        });
        request.exceptionHandler(e -> context.vertx().cancelTimer(timer));
        request.resume();
    }
}
