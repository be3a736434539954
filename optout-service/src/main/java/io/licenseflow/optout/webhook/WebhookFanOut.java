package io.licenseflow.optout.webhook;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.commons.retry.RetrySchedule;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.optout.OptOutChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each confirmed change (read back from the change topic, once per event) into one durable delivery per enabled
 * endpoint that wants it, then wakes the dispatcher. Endpoints registered later do not receive earlier changes.
 */
@ApplicationScoped
public class WebhookFanOut {

    static final String CONSUMER = "optout-service.webhooks";

    private final EventRouting routing;
    private final WebhookDispatcher dispatcher;
    private final RetrySchedule retries;

    public WebhookFanOut(ProcessedEvents processedEvents, WebhookDispatcher dispatcher, RetrySchedule retries) {
        this.dispatcher = dispatcher;
        this.retries = retries;
        this.routing = processedEvents.routing(CONSUMER).on(OptOutChanged.TYPE, OptOutChanged.SCHEMA_VERSION, OptOutChanged.class, this::queue);
    }

    @Incoming("optout-changes")
    public Uni<Void> onChange(String value) {
        return routing.apply(value).invoke(dispatcher::kick);
    }

    private Uni<?> queue(EventEnvelope event, OptOutChanged change) {
        // Disabled endpoints get their deliveries too: they wait, and go out when the endpoint is enabled again.
        return WebhookEndpoint.<WebhookEndpoint>list("accountId is null or accountId = ?1", change.accountId())
                .chain(endpoints -> {
                    List<WebhookDelivery> deliveries = endpoints.stream()
                            .filter(e -> e.wants(change.accountId(), change.purpose()) && !e.createdAt.isAfter(event.occurredAt()))
                            .map(e -> delivery(event, change, e)).toList();
                    return deliveries.isEmpty() ? Uni.createFrom().voidItem() : WebhookDelivery.persist(deliveries);
                });
    }

    private WebhookDelivery delivery(EventEnvelope event, OptOutChanged change, WebhookEndpoint endpoint) {
        Instant now = Instant.now();
        WebhookDelivery d = new WebhookDelivery();
        d.id = WebhookDelivery.idFor(event.id(), endpoint.id);
        d.endpointId = endpoint.id;
        d.eventId = event.id();
        d.subjectKey = event.aggregateId();
        d.subjectVersion = change.subjectVersion();
        d.occurredAt = event.occurredAt();
        d.body = json(event);
        d.status = WebhookDelivery.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.retryUntil = now.plus(retries.giveUpAfter());
        d.createdAt = now;
        return d;
    }

    private static String json(EventEnvelope event) {
        try {
            return EventJson.MAPPER.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
