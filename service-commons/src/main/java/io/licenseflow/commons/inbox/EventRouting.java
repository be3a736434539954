package io.licenseflow.commons.inbox;

import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A consumer's handlers by event type and schema version, each applied once per event through
 * {@link ProcessedEvents}. Events of other types or versions are skipped (a consumer must tolerate what it does not
 * handle); a record that is no event envelope fails at once, so the channel's dead-letter strategy takes it.
 */
public final class EventRouting {

    private final ProcessedEvents processedEvents;
    private final String consumer;
    private final Map<String, Function<EventEnvelope, Uni<?>>> handlers = new HashMap<>();

    EventRouting(ProcessedEvents processedEvents, String consumer) {
        this.processedEvents = processedEvents;
        this.consumer = consumer;
    }

    public <P> EventRouting on(String type, int schemaVersion, Class<P> payloadType, BiFunction<EventEnvelope, P, Uni<?>> effect) {
        handlers.put(type + "/v" + schemaVersion, event -> effect.apply(event, event.payloadAs(payloadType)));
        processedEvents.expect(consumer, type);
        return this;
    }

    /** Decodes a record value and applies its handler once; a record nobody handles completes at once. */
    public Uni<Void> apply(String recordValue) {
        EventEnvelope event = EventJson.read(recordValue);
        Function<EventEnvelope, Uni<?>> handler = handlers.get(event.type() + "/v" + event.schemaVersion());
        if (handler == null) {
            return Uni.createFrom().voidItem();
        }
        return processedEvents.applyOnce(consumer, event, () -> handler.apply(event)).replaceWithVoid();
    }
}
