package io.licenseflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The value of every record on a LicenseFlow topic (schema {@code schemas/envelope.v1.json}).
 *
 * <p>The same id, type, source and time also travel as CloudEvents headers ({@code ce_id}, {@code ce_type},
 * {@code ce_source}, {@code ce_time}); the record key is {@link #aggregateId()}. Consumers deduplicate on
 * {@link #id()}: delivery is at-least-once. {@link #correlationId()} is the id of the request that started the chain
 * of events this one belongs to, or, for a scheduled job's work (an expiry), {@code scheduled:<job>:<uuid>} of that run; it
 * may be absent on events published before correlation ids existed. Consumers carry it into the
 * events they publish in turn and into their log lines, so one id follows an onboarding through every service.
 */
public record EventEnvelope(
        UUID id,
        String type,
        int schemaVersion,
        String source,
        String aggregateType,
        String aggregateId,
        Instant occurredAt,
        JsonNode payload,
        @JsonInclude(JsonInclude.Include.NON_NULL) String correlationId) {

    public static final String SPEC_VERSION = "1.0";

    public <T> T payloadAs(Class<T> payloadType) {
        return EventJson.MAPPER.convertValue(payload, payloadType);
    }
}
