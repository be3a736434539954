package io.licenseflow.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping used for events, so that producers and consumers agree on dates and unknown fields. */
public final class EventJson {

    /**
     * Unknown fields are ignored on read: a consumer must accept additive changes within a schema version.
     * Instants are written as ISO-8601 strings.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Reads a record value; fails with {@link IllegalArgumentException} when it is not an event envelope. */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope event = MAPPER.readValue(json, EventEnvelope.class);
            if (event.id() == null || event.type() == null || event.payload() == null) {
                throw new IllegalArgumentException("not a LicenseFlow event envelope (id, type and payload are required)");
            }
            return event;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a LicenseFlow event envelope: " + e.getOriginalMessage(), e);
        }
    }

    private EventJson() {
    }
}
