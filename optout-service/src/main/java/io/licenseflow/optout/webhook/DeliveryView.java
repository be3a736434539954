package io.licenseflow.optout.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery and its attempts so far. */
public record DeliveryView(@Schema(description = "the webhook-id header", examples = "msg_2b1f…") String id, UUID eventId,
        String subject, long subjectVersion, String status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant retryUntil,
        Instant lastAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(WebhookDelivery.messageId(d.id), d.eventId, d.subjectKey, d.subjectVersion, d.status, d.attempts, d.createdAt,
                WebhookDelivery.PENDING.equals(d.status) ? d.nextAttemptAt : null, d.retryUntil, d.lastAttemptAt, d.lastStatus, d.lastError,
                d.deliveredAt);
    }

    /** The delivery id within a webhook-id ({@code msg_} and 32 hex digits); null when it is not one. */
    static UUID parse(String messageId) {
        if (messageId == null || !messageId.matches("msg_[0-9a-f]{32}")) {
            return null;
        }
        String hex = messageId.substring(4);
        return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    }
}
