package io.licenseflow.optout.webhook;

import java.time.Instant;
import java.util.UUID;

/** A delivery claimed for one attempt, with what sending it needs from its endpoint. */
public record DueDelivery(UUID id, UUID endpointId, String body, int attempts, Instant occurredAt, Instant retryUntil, String url,
        String secretSealed, String previousSecretSealed, Instant previousSecretUntil) {

    public String messageId() {
        return WebhookDelivery.messageId(id);
    }
}
