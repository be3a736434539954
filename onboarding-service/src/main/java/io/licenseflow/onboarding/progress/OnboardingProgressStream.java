package io.licenseflow.onboarding.progress;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Server-Sent Events of an account's onboarding changes at {@code GET /v1/accounts/{accountId}/onboarding/stream}:
 * {@code ready} once subscribed, then one {@code onboarding.changed} per onboarding event (its id, its envelope as data),
 * a comment as heartbeat. Like the opt-out stream it ends when the caller's token expires; the client reconnects with a
 * fresh one and reads the onboarding again.
 */
@Path("/v1/accounts/{accountId}/onboarding/stream")
@SecurityRequirement(name = "oidc")
@Tag(name = "Onboardings")
public class OnboardingProgressStream {

    private final OnboardingProgressFeed feed;
    private final AccountAccess access;
    private final SecurityIdentity identity;
    private final Duration heartbeat;

    public OnboardingProgressStream(OnboardingProgressFeed feed, AccountAccess access, SecurityIdentity identity,
            @ConfigProperty(name = "licenseflow.progress-stream.heartbeat") Duration heartbeat) {
        this.feed = feed;
        this.access = access;
        this.identity = identity;
        this.heartbeat = heartbeat;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"admin", "operator", "customer"})
    @Operation(summary = "Each change of the account's onboarding as it is published (Server-Sent Events); customers only their own")
    public Multi<OutboundSseEvent> stream(@PathParam("accountId") UUID accountId, @Context Sse sse) {
        access.checkCanRead(accountId);
        if (!feed.isLive()) {
            throw new ProblemException(ProblemCode.SERVICE_UNAVAILABLE, "the onboarding stream is starting");
        }
        Multi<OutboundSseEvent> changes = feed.of(accountId)
                .map(signal -> sse.newEventBuilder().name("onboarding.changed").id(signal.eventId().toString()).data(signal.json()).build());
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(sse.newEventBuilder().name("ready").data("{}").build());
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // Merging subscribes in this order: to the feed first, so that nothing published after "ready" is missed.
        Multi<OutboundSseEvent> stream = Multi.createBy().merging().streams(changes, ready, beats);
        Instant expiresAt = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null;
        if (expiresAt == null) {
            return stream;
        }
        Duration left = Duration.between(Instant.now(), expiresAt);
        return stream.select().first(left.isNegative() ? Duration.ZERO : left);
    }
}
