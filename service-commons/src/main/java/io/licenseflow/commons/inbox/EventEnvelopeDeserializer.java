package io.licenseflow.commons.inbox;

import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Kafka value deserializer for every licenseflow.*.events topic. */
public class EventEnvelopeDeserializer extends ObjectMapperDeserializer<EventEnvelope> {

    public EventEnvelopeDeserializer() {
        super(EventEnvelope.class, EventJson.MAPPER);
    }
}
