package io.licenseflow.commons.inbox;

import io.licenseflow.commons.logging.CorrelationId;
import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies each event at most once per consumer, however often Kafka delivers it. The event id is recorded
 * in {@code processed_event} in the same transaction as the effect: a redelivery finds the id and skips, a
 * crash before commit leaves neither the id nor the effect. The insert takes a row lock on the key, so two
 * concurrent deliveries of one event serialise and only one applies.
 *
 * <p>A failing effect (the database restarting, a lock timeout) rolls back with its id and is retried with
 * back-off; only when the retries are spent does the record go to the channel's dead-letter topic.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);
    private static final String RECORD_IF_NEW = """
            INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
            VALUES (:consumer, :eventId, :eventType, now())
            ON CONFLICT (consumer, event_id) DO NOTHING""";

    private final MeterRegistry metrics;
    private final int maxAttempts;
    private final Duration firstBackOff;
    private final Duration maxBackOff;

    public ProcessedEvents(MeterRegistry metrics,
            @ConfigProperty(name = "licenseflow.consumer.retry.max-attempts", defaultValue = "10") int maxAttempts,
            @ConfigProperty(name = "licenseflow.consumer.retry.first-back-off", defaultValue = "PT0.2S") Duration firstBackOff,
            @ConfigProperty(name = "licenseflow.consumer.retry.max-back-off", defaultValue = "PT10S") Duration maxBackOff) {
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.firstBackOff = firstBackOff;
        this.maxBackOff = maxBackOff;
    }

    /**
     * Registers the consumer's counters for an event type at zero, so that its first dead letter after a start shows
     * in increase() (a counter born at 1 has no increase) and the dead-letter alert finds the series.
     */
    void expect(String consumer, String type) {
        for (String outcome : new String[] {"applied", "duplicate", "failed"}) {
            metrics.counter("licenseflow.events.consumed", "consumer", consumer, "type", type, "outcome", outcome);
        }
    }

    /** Handlers for {@code consumer}, one per event type and version, each applied once per event. */
    public EventRouting routing(String consumer) {
        return new EventRouting(this, consumer);
    }

    /**
     * Runs {@code effect} in a transaction unless this consumer already applied the event; true if it ran. Log lines
     * and events written meanwhile carry the event's correlation id (its own id when it has none).
     */
    public Uni<Boolean> applyOnce(String consumer, EventEnvelope event, Supplier<Uni<?>> effect) {
        FlowContext.clear();
        FlowContext.put(CorrelationId.MDC_KEY, event.correlationId() != null ? event.correlationId() : event.id());
        FlowContext.put(FlowContext.EVENT, event.id());
        FlowContext.put(FlowContext.EVENT_TYPE, event.type());
        // Each attempt is its own session and transaction.
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(RECORD_IF_NEW)
                                .setParameter("consumer", consumer)
                                .setParameter("eventId", event.id())
                                .setParameter("eventType", event.type())
                                .executeUpdate())
                        .chain(inserted -> inserted == 1
                                ? effect.get().replaceWith(Boolean.TRUE)
                                : Uni.createFrom().item(Boolean.FALSE))))
                .onFailure().invoke(e -> LOG.warnf("%s failed to apply %s %s, will retry: %s", consumer, event.type(), event.id(), e.toString()))
                .onFailure().retry().withBackOff(firstBackOff, maxBackOff).atMost(maxAttempts - 1)
                .onItemOrFailure().invoke((applied, failure) -> count(consumer, event, applied, failure))
                .onTermination().invoke(FlowContext::clear);
    }

    private void count(String consumer, EventEnvelope event, Boolean applied, Throwable failure) {
        String outcome = failure != null ? "failed" : applied ? "applied" : "duplicate";
        metrics.counter("licenseflow.events.consumed", "consumer", consumer, "type", event.type(), "outcome", outcome).increment();
        if (failure != null) {
            LOG.errorf(failure, "%s gave up on %s %s after %d attempts; it goes to the dead-letter topic", consumer, event.type(), event.id(), maxAttempts);
        } else if (!applied) {
            LOG.debugf("skipped duplicate delivery of %s %s to %s", event.type(), event.id(), consumer);
        }
    }
}
