package io.licenseflow.commons.inbox;

import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Applies each event at most once per consumer, however often Kafka delivers it. The event id is recorded
 * in {@code processed_event} in the same transaction as the effect: a redelivery finds the id and skips, a
 * crash before commit leaves neither the id nor the effect. The insert takes a row lock on the key, so two
 * concurrent deliveries of one event serialise and only one applies.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);
    private static final String RECORD_IF_NEW = """
            INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
            VALUES (:consumer, :eventId, :eventType, now())
            ON CONFLICT (consumer, event_id) DO NOTHING""";

    private final MeterRegistry metrics;

    public ProcessedEvents(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Decodes a record value, and when it is an event of {@code type}, applies {@code effect} to it once
     * (see {@link #applyOnce(String, EventEnvelope, Supplier)}). Other types are skipped. An undecodable value
     * fails, so the channel's failure strategy (our dead-letter topic) takes it.
     */
    public <P> Uni<Void> applyOnce(String consumer, String recordValue, String type, Class<P> payloadType,
            BiFunction<EventEnvelope, P, Uni<?>> effect) {
        EventEnvelope event = EventJson.read(recordValue);
        if (!type.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        P payload = event.payloadAs(payloadType);
        return applyOnce(consumer, event, () -> effect.apply(event, payload)).replaceWithVoid();
    }

    /** Runs {@code effect} in a transaction unless this consumer already applied the event; true if it ran. */
    public Uni<Boolean> applyOnce(String consumer, EventEnvelope event, Supplier<Uni<?>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD_IF_NEW)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", event.id())
                        .setParameter("eventType", event.type())
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? effect.get().replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)))
                .invoke(applied -> count(consumer, event, applied));
    }

    private void count(String consumer, EventEnvelope event, boolean applied) {
        metrics.counter("licenseflow.events.consumed", "consumer", consumer, "type", event.type(),
                "outcome", applied ? "applied" : "duplicate").increment();
        if (!applied) {
            LOG.debugf("skipped duplicate delivery of %s %s to %s", event.type(), event.id(), consumer);
        }
    }
}
