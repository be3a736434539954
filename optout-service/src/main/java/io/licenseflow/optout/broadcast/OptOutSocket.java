package io.licenseflow.optout.broadcast;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.licenseflow.optout.identity.OptOutCaller;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    /** The roles that may subscribe at all (as on /v1/optouts/stream); the filter then narrows what each may see. */
    private static final Set<String> ROLES = Set.of("admin", "operator", "optouts", "customer", "end-user");
    private static final Set<String> PARAMETERS = Set.of("account", "kind", "subject", "purpose", "lastEventId");
    /** RFC 6455 §7.4.1: the server is terminating the connection due to a temporary condition. */
    private static final short TRY_AGAIN_LATER = 1013;

    private final OptOutFeed feed;
    private final Duration heartbeat;

    public OptOutSocket(OptOutFeed feed, @ConfigProperty(name = "licenseflow.broadcast.heartbeat") Duration heartbeat) {
        this.feed = feed;
        this.heartbeat = heartbeat;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::upgrade);
    }

    /** Authenticates lazily, as the REST endpoints do, so that a missing or bad token gets the same problem answer. */
    private void upgrade(RoutingContext context) {
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        identity.subscribe().with(who -> upgrade(context, who), context::fail);
    }

    private void upgrade(RoutingContext context, SecurityIdentity identity) {
        SubscriptionFilter filter;
        FeedPosition from;
        try {
            MultiMap query = context.queryParams();
            for (String name : query.names()) {
                if (!PARAMETERS.contains(name) || query.getAll(name).size() > 1) {
                    throw new ProblemException(ProblemCode.INVALID_PARAMETER, name, "is not a parameter of this endpoint, or given twice");
                }
            }
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (ROLES.stream().noneMatch(identity::hasRole)) {
                throw new ForbiddenException();
            }
            if (!"websocket".equalsIgnoreCase(context.request().getHeader("Upgrade"))) {
                throw new ProblemException(ProblemCode.INVALID_HEADER, "Upgrade", "must be websocket");
            }
            OptOutCaller caller = new OptOutCaller(identity, new AccountAccess(identity));
            filter = SubscriptionFilter.permitted(caller, query.get("account"), query.get("kind"), query.get("subject"), query.get("purpose"));
            String lastEventId = query.get("lastEventId");
            from = lastEventId == null || lastEventId.isBlank() ? null : FeedPosition.decode(lastEventId);
            if (!feed.isReady()) {
                throw new ProblemException(ProblemCode.SERVICE_UNAVAILABLE, "the broadcast is starting");
            }
        } catch (RuntimeException refused) {
            context.fail(refused);
            return;
        }
        context.request().toWebSocket().onSuccess(socket -> follow(context, socket, filter, from)).onFailure(context::fail);
    }

    private void follow(RoutingContext context, ServerWebSocket socket, SubscriptionFilter filter, FeedPosition from) {
        Subscriber subscriber = new Subscriber() {
            @Override
            public SubscriptionFilter filter() {
                return filter;
            }

            @Override
            public void ready(FeedPosition position) {
                socket.writeTextMessage("{\"type\":\"ready\",\"id\":\"" + position.encode() + "\"}");
            }

            @Override
            public void deliver(BroadcastEvent event, FeedPosition id) {
                if (socket.writeQueueFull()) {
                    // A subscriber that cannot keep up is let go rather than buffered without end; it resumes from its last id.
                    socket.close(TRY_AGAIN_LATER, "too slow: reconnect with lastEventId");
                    return;
                }
                socket.writeTextMessage("{\"type\":\"" + OptOutStreamResource.CHANGED + "\",\"id\":\"" + id.encode() + "\",\"event\":" + event.json() + "}");
            }
        };
        long pings = context.vertx().setPeriodic(heartbeat.toMillis(), tick -> socket.writePing(Buffer.buffer()));
        socket.closeHandler(closed -> {
            context.vertx().cancelTimer(pings);
            feed.unsubscribe(subscriber);
        });
        socket.textMessageHandler(ignored -> {
            // Subscribers only listen; what they send is ignored.
        });
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            feed.subscribe(subscriber, from);
            if (socket.isClosed()) {
                feed.unsubscribe(subscriber); // closed while joining
            }
        });
    }
}
