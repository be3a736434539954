package io.licenseflow.portal.services;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * A service's stream passed on to the browser as bare signals: {@code changed} when the service sent the named event.
 * The browser learns only that something changed and fetches the page part again, through the same checks as any page.
 * When the browser reconnects (EventSource sends {@code Last-Event-ID}), the service's {@code ready} also becomes a
 * {@code changed}: whatever happened while it was away is read then.
 */
public final class LiveSignals {

    /** The header EventSource sends when it reconnects. */
    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private LiveSignals() {
    }

    public static Multi<OutboundSseEvent> relay(Multi<SseEvent<String>> upstream, String changeEvent, String lastEventId, Sse sse) {
        boolean reconnected = lastEventId != null;
        // The service ends its stream when the user's token expires (or it restarts): the relay ends too, quietly, and
        // EventSource reconnects through the portal, which refreshes the session's tokens.
        return upstream.filter(event -> changeEvent.equals(event.name()) || (reconnected && "ready".equals(event.name())))
                .map(event -> sse.newEventBuilder().name("changed").id("seen").data("{}").build())
                .onFailure().recoverWithCompletion();
    }
}
