package io.licenseflow.commons.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.licenseflow.commons.input.RequestLimits;
import io.licenseflow.commons.logging.CorrelationId;
import io.licenseflow.commons.problem.ExceptionProblems;
import io.licenseflow.commons.problem.ExceptionProblems.Answer;
import io.licenseflow.commons.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The first and the last thing every HTTP request meets, before any route (health, metrics and OpenAPI included):
 * it gives the request its {@link CorrelationId}, refuses what no endpoint should have to parse ({@link RequestChecks};
 * docs/errors.md lists each limit and code), reads JSON bodies whole within the size limit, and turns every failure that
 * escapes the routes into a problem+json answer.
 *
 * <p>What the HTTP codec itself cannot parse (control characters in the request line or a header, a malformed header
 * name or Content-Length, a request line or header block beyond its hard caps) never becomes a request: Vert.x answers
 * a bare 400/414/431 and closes the connection. The caps sit above our limits, so that a request exceeding those by a
 * fair margin is still answered here.
 */
@ApplicationScoped
public class RequestGuard {

    private static final Logger LOG = Logger.getLogger(RequestGuard.class);

    private final RequestChecks checks;
    private final ProblemAnswers answers;
    private final BodyHandler bodies;

    public RequestGuard(RequestLimits limits, ObjectMapper json) {
        this.checks = new RequestChecks(limits);
        this.answers = new ProblemAnswers(json);
        // A chunked body beyond the limit fails here with 413 (through answerFailure); endpoints then read from memory.
        this.bodies = BodyHandler.create(false).setBodyLimit(limits.maxBodySize().asLongValue());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::guard);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::readJsonBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> answerFailure(context, context.statusCode()));
        // Vert.x answers some failures (a path it cannot decode) through these rather than the failure handlers.
        for (int status = 400; status < 600; status++) {
            int code = status;
            router.errorHandler(code, context -> answerFailure(context, code));
        }
    }

    private void guard(RoutingContext context) {
        correlate(context);
        Problem problem = checks.violation(context.request());
        if (problem == null) {
            context.next();
        } else {
            answers.answer(context, problem, Map.of());
        }
    }

    /**
     * Only JSON bodies are read up front: other media types are refused by the endpoints (415) without reading. Only over
     * HTTP/1.x: Quarkus REST pauses every request it receives, which HTTP/2 refuses for one already read; an HTTP/2 body
     * is streamed to the endpoint, within the same limit (beyond it without a Content-Length, the HTTP layer answers a
     * bare 413).
     */
    private void readJsonBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.version() != HttpVersion.HTTP_2 && RequestChecks.BODY_METHODS.contains(request.method())
                && RequestChecks.hasBody(request.headers()) && RequestChecks.isJsonBody(request.headers())) {
            bodies.handle(context);
        } else {
            context.next();
        }
    }

    /** Gives the request its correlation id, once (a failure handler may run for a request the guard never saw). */
    private static boolean correlate(RoutingContext context) {
        String id = context.get(CorrelationId.MDC_KEY);
        boolean first = id == null;
        if (first) {
            id = CorrelationId.from(context.request().getHeader(CorrelationId.HEADER));
            context.put(CorrelationId.MDC_KEY, id);
            context.response().putHeader(CorrelationId.HEADER, id);
        }
        CorrelationId.set(id);
        return first;
    }

    private void answerFailure(RoutingContext context, int status) {
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        boolean unguarded = correlate(context);
        HttpServerRequest request = context.request();
        // Vert.x fails some requests before any route runs (a missing Host, a path it cannot decode): check them as
        // guard() would have, so that they get the same answers.
        Problem refused = unguarded ? checks.violation(request) : null;
        if (refused != null) {
            answers.answer(context, refused, Map.of());
            return;
        }
        String where = request.method().name() + " " + request.path();
        Answer answer = context.failure() != null ? ExceptionProblems.answer(context.failure(), status, where)
                : ExceptionProblems.forStatus(status, where);
        if (context.response().headWritten()) {
            LOG.warnf("failed after the response started; closing the connection (%s, correlation id %s)", where, CorrelationId.current());
            request.connection().close();
            return;
        }
        answers.answer(context, answer.problem(), answer.headers());
    }
}
