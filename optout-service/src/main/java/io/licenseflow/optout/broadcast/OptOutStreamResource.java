package io.licenseflow.optout.broadcast;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.optout.identity.OptOutCaller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Server-Sent Events of every confirmed change (docs/optout.md#real-time-broadcast): first a {@code ready} event whose
 * id is the current position, then one {@code optout.changed} event per matching change, its {@code id} the position
 * after it, and a comment line as heartbeat. A client reconnecting with {@code Last-Event-ID} (as EventSource does)
 * gets every matching change since, none twice, then the live stream.
 */
@Path("/v1/optouts/stream")
@SecurityRequirement(name = "oidc")
@Tag(name = "Broadcast", description = "Every opt-out change in real time")
public class OptOutStreamResource {

    public static final String CHANGED = "optout.changed";

    private final OptOutFeed feed;
    private final OptOutCaller caller;
    private final Duration heartbeat;

    public OptOutStreamResource(OptOutFeed feed, OptOutCaller caller,
            @ConfigProperty(name = "licenseflow.broadcast.heartbeat") Duration heartbeat) {
        this.feed = feed;
        this.caller = caller;
        this.heartbeat = heartbeat;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"admin", "operator", "optouts", "customer", "end-user"})
    @Operation(summary = "Every change as Server-Sent Events, filtered by account, subject (kind and subject) and purpose; resume with "
            + "Last-Event-ID. Customers must name their account; end users their own subject.")
    public Multi<OutboundSseEvent> stream(@RestQuery String account, @RestQuery String kind, @RestQuery String subject,
            @RestQuery String purpose, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        SubscriptionFilter filter = SubscriptionFilter.permitted(caller, account, kind, subject, purpose);
        FeedPosition from = lastEventId == null || lastEventId.isBlank() ? null : FeedPosition.decode(lastEventId);
        if (!feed.isReady()) {
            throw new ProblemException(ProblemCode.SERVICE_UNAVAILABLE, "the broadcast is starting");
        }
        Multi<OutboundSseEvent> changes = Multi.createFrom().emitter(emitter -> {
            Subscriber subscriber = new Subscriber() {
                @Override
                public SubscriptionFilter filter() {
                    return filter;
                }

                @Override
                public void ready(FeedPosition position) {
                    emitter.emit(sse.newEventBuilder().name("ready").id(position.encode()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                            .data("{\"position\":\"" + position.encode() + "\"}").build());
                }

                @Override
                public void deliver(BroadcastEvent event, FeedPosition id) {
                    emitter.emit(sse.newEventBuilder().name(CHANGED).id(id.encode()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                            .data(event.json()).build());
                }
            };
            emitter.onTermination(() -> feed.unsubscribe(subscriber));
            Infrastructure.getDefaultWorkerPool().execute(() -> feed.subscribe(subscriber, from));
        });
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats);
    }
}
