package io.licenseflow.portal.live;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * A service's stream passed on to the browser as bare signals: {@code changed} when the service sent the named event.
 * The browser learns only that something changed and fetches the page part again, through the same checks as any page.
 * Every event carries an id, so that a reconnecting EventSource sends {@code Last-Event-ID}: then the service's
 * {@code ready} also becomes a {@code changed}, and whatever happened while the browser was away is read.
 */
public final class LiveSignals {

    /** The header EventSource sends when it reconnects. */
    public static final String LAST_EVENT_ID = "Last-Event-ID";
    /** A comment this often keeps proxies from closing an idle stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** What the page says once it is live. */
    static final String LIVE = "Live: changes made elsewhere appear here by themselves.";

    private LiveSignals() {
    }

    public static Multi<OutboundSseEvent> relay(Multi<SseEvent<String>> upstream, String changeEvent, String lastEventId, Sse sse) {
        boolean reconnected = lastEventId != null;
        AtomicBoolean ended = new AtomicBoolean();
        // The service ends its stream when the user's token expires (or it restarts): the relay ends too, quietly, and
        // EventSource reconnects through the portal, which refreshes the session's tokens.
        Multi<OutboundSseEvent> signals = upstream.filter(event -> changeEvent.equals(event.name()) || "ready".equals(event.name()))
                .map(event -> changeEvent.equals(event.name()) || reconnected ? sse.newEventBuilder().name("changed").id("seen").data("{}").build()
                        // The page shows this once the service's stream is live (sse-swap="ready"): changes now reach it.
                        : sse.newEventBuilder().name("ready").id("seen").data(LIVE).build())
                .onFailure().recoverWithCompletion().onTermination().invoke(() -> ended.set(true));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT).onOverflow().drop().select().first(tick -> !ended.get())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(signals, heartbeats);
    }
}
