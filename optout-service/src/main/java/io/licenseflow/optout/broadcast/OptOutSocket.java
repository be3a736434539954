package io.licenseflow.optout.broadcast;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The broadcast over WebSocket at {@code /v1/optouts/ws} (docs/optout.md#real-time-broadcast): the same feed, filters
 * and positions as the SSE stream, one JSON text message per change ({@code {"type":"optout.changed","id":…,"event":…}})
 * after a {@code ready} message, resumed with the {@code lastEventId} query parameter, kept alive by ping frames. The
 * upgrade request is authenticated like any API call (bearer token), and a bad token, role or filter is refused with
 * problem+json before upgrading.
 */
@ApplicationScoped
public class OptOutSocket {

    public static final String PATH = "/v1/optouts/ws";
    /** RFC 6455 §7.4.1: the server is terminating the connection due to a temporary condition. */
    private static final short TRY_AGAIN_LATER = 1013;

    private static final Buffer PING = Buffer.buffer();

    private final OptOutFeed feed;

    public OptOutSocket(OptOutFeed feed) {
        this.feed = feed;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(context -> SubscriptionRequest.authenticated(context, this::upgrade));
    }

    private void upgrade(RoutingContext context, SecurityIdentity identity) {
        SubscriptionRequest request;
        try {
            request = SubscriptionRequest.of(context, identity, "lastEventId", context.queryParams().get("lastEventId"),
                    new ProblemException(ProblemCode.INVALID_PARAMETER, "lastEventId", "must be the id of an event the broadcast sent"), feed);
            if (!"websocket".equalsIgnoreCase(context.request().getHeader("Upgrade"))) {
                throw new ProblemException(ProblemCode.INVALID_HEADER, "Upgrade", "must be websocket");
            }
        } catch (RuntimeException refused) {
            context.fail(refused);
            return;
        }
        SubscriptionRequest.forgetIdentity(context);
        context.request().toWebSocket().onSuccess(socket -> follow(socket, request)).onFailure(context::fail);
    }

    private void follow(ServerWebSocket socket, SubscriptionRequest request) {
        Subscriber subscriber = new Subscriber(request.filter()) {
            @Override
            protected void ready(FeedPosition position) {
                socket.writeTextMessage(BroadcastEvent.socketMessage("ready", position, ""));
            }

            @Override
            protected void deliver(BroadcastEvent event, FeedPosition id) {
                if (socket.writeQueueFull()) {
                    // A subscriber that cannot keep up is let go rather than buffered without end; it resumes from its last id.
                    socket.close(TRY_AGAIN_LATER, "too slow: reconnect with lastEventId");
                    return;
                }
                socket.writeTextMessage(event.socketMessageAt(id));
            }

            @Override
            protected void close() {
                socket.close(TRY_AGAIN_LATER, "resume with lastEventId");
            }

            @Override
            protected boolean closed() {
                return socket.isClosed();
            }

            @Override
            protected void heartbeat() {
                socket.writePing(PING);
            }
        };
        socket.closeHandler(closed -> feed.unsubscribe(subscriber));
        socket.textMessageHandler(ignored -> {
            // Subscribers only listen; what they send is ignored.
        });
        feed.join(subscriber, request);
    }
}
