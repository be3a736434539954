package io.licenseflow.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.licenseflow.commons.logging.CorrelationId;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the outbox table. Call it inside the transaction that changes the state the event
 * reports ({@code @WithTransaction} or {@code Panache.withTransaction}): both commit or neither does, and
 * Debezium publishes what committed. Nothing here talks to Kafka. The event carries the correlation id of the
 * request or event being handled ({@link CorrelationId#current()}).
 */
@ApplicationScoped
public class Outbox {

    private final String source;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = "/licenseflow/" + applicationName;
    }

    public Uni<EventEnvelope> publish(String aggregateType, String aggregateId, String type, int schemaVersion, Object payload) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, schemaVersion, source, aggregateType,
                aggregateId, now, EventJson.MAPPER.valueToTree(payload), CorrelationId.current());
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.aggregateType = aggregateType;
        row.aggregateId = aggregateId;
        row.type = type;
        row.schemaVersion = schemaVersion;
        row.source = source;
        row.specVersion = EventEnvelope.SPEC_VERSION;
        row.occurredAt = now.toString();
        row.payload = toJson(envelope);
        row.createdAt = now;
        return row.persist().replaceWith(envelope);
    }

    private static String toJson(EventEnvelope envelope) {
        try {
            return EventJson.MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + envelope.type(), e);
        }
    }
}
