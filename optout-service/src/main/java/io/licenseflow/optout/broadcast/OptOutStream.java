package io.licenseflow.optout.broadcast;

import io.licenseflow.commons.http.MediaTypes;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Server-Sent Events of every confirmed change at {@code GET /v1/optouts/stream} (docs/optout.md#real-time-broadcast):
 * a {@code ready} event whose id is where the stream stands, one {@code optout.changed} event per matching change whose
 * id is the position after it, and a comment line as heartbeat ({@code licenseflow.broadcast.heartbeat}). A client reconnecting with {@code Last-Event-ID} (as
 * EventSource does) gets every matching change since, none twice, then the live stream. A plain HTTP route rather than a
 * REST resource: each change's frame is encoded once and written to every subscriber of an event loop in one task.
 */
@ApplicationScoped
public class OptOutStream {

    public static final String PATH = "/v1/optouts/stream";
    private static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");
    /** How long EventSource waits before reconnecting (its default is browser-specific). */
    private static final Buffer RETRY = Buffer.buffer("retry: 2000\n\n");

    private final OptOutFeed feed;

    public OptOutStream(OptOutFeed feed) {
        this.feed = feed;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(context -> SubscriptionRequest.authenticated(context, this::open));
    }

    private void open(RoutingContext context, SecurityIdentity identity) {
        SubscriptionRequest request;
        try {
            request = SubscriptionRequest.of(context, identity, null, context.request().getHeader("Last-Event-ID"),
                    new ProblemException(ProblemCode.INVALID_HEADER, "Last-Event-ID", "must be the id of an event this stream sent"), feed);
            String accept = context.request().getHeader("Accept");
            if (accept != null && !accept.isBlank() && !MediaTypes.accepts(accept, "text", "event-stream")) {
                throw new ProblemException(ProblemCode.NOT_ACCEPTABLE, "this resource answers text/event-stream");
            }
        } catch (RuntimeException refused) {
            context.fail(refused);
            return;
        }
        SubscriptionRequest.forgetIdentity(context);
        HttpServerResponse response = context.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        HttpConnection connection = context.request().connection();
        response.write(RETRY);
        Subscriber subscriber = new Subscriber(request.filter()) {
            @Override
            protected void ready(FeedPosition position) {
                response.write(BroadcastEvent.sseFrame("ready", position, "{\"position\":\"" + position.encode() + "\"}"));
            }

            @Override
            protected void deliver(BroadcastEvent event, FeedPosition id) {
                if (response.writeQueueFull()) {
                    // A subscriber that cannot keep up is let go rather than buffered without end; EventSource resumes it.
                    connection.close();
                    return;
                }
                response.write(event.sseFrameAt(id));
            }

            @Override
            protected void close() {
                connection.close();
            }

            @Override
            protected boolean closed() {
                return response.closed();
            }

            @Override
            protected void heartbeat() {
                response.write(HEARTBEAT);
            }
        };
        response.closeHandler(closed -> feed.unsubscribe(subscriber));
        feed.join(subscriber, request);
    }
}
