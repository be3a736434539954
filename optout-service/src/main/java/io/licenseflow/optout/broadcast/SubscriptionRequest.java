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
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.util.function.BiConsumer;

/**
 * What a subscriber asked for on either broadcast route (SSE or WebSocket): its filter and where to resume from,
 * checked the same way on both. Failures are answered with problem+json by the shared failure handler.
 */
record SubscriptionRequest(SubscriptionFilter filter, FeedPosition from, Instant expiresAt) {

    /** The roles that may subscribe at all; the filter then narrows what each may see (docs/optout.md#who-may-do-what). */
    private static final Set<String> ROLES = Set.of("admin", "operator", "optouts", "customer", "end-user");
    private static final Set<String> FILTERS = Set.of("account", "kind", "subject", "purpose");

    /** Authenticates lazily, as the REST endpoints do, so that a missing or bad token gets the same problem answer. */
    static void authenticated(RoutingContext context, BiConsumer<RoutingContext, SecurityIdentity> then) {
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        Context connection = Vertx.currentContext();
        // Back on the connection's event loop, where its subscriber is made and written from.
        identity.emitOn(work -> connection.runOnContext(ignored -> work.run())).subscribe().with(who -> then.accept(context, who), context::fail);
    }

    /**
     * Drops the caller's identity from a connection that stays open (its token's claims would be held for as long):
     * what it may see is settled in its filter.
     */
    static void forgetIdentity(RoutingContext context) {
        context.remove(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        context.clearUser();
    }

    /**
     * The request's filter (query parameters, plus {@code extraParameter} if the route has one) and resume position;
     * throws what the caller is to be answered.
     */
    static SubscriptionRequest of(RoutingContext context, SecurityIdentity identity, String extraParameter, String lastEventId,
            ProblemException badLastEventId, OptOutFeed feed) {
        MultiMap query = context.queryParams();
        for (String name : query.names()) {
            if (!(FILTERS.contains(name) || name.equals(extraParameter)) || query.getAll(name).size() > 1) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, name, "is not a parameter of this endpoint, or given twice");
            }
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (ROLES.stream().noneMatch(identity::hasRole)) {
            throw new ForbiddenException();
        }
        OptOutCaller caller = new OptOutCaller(identity, new AccountAccess(identity));
        SubscriptionFilter filter = SubscriptionFilter.permitted(caller, query.get("account"), query.get("kind"), query.get("subject"), query.get("purpose"));
        FeedPosition from = lastEventId == null || lastEventId.isBlank() ? null : FeedPosition.decode(lastEventId, badLastEventId);
        if (!feed.isReady()) {
            throw new ProblemException(ProblemCode.SERVICE_UNAVAILABLE, "the broadcast is starting");
        }
        Instant expiresAt = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null;
        return new SubscriptionRequest(filter, from, expiresAt);
    }
}
