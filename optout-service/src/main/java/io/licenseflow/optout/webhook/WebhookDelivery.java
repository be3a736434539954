package io.licenseflow.optout.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change for one endpoint: sent until it is answered 2xx or its retry window closes (then it is dead). */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";

    /** Derived from the event and the endpoint; {@link #messageId} makes the {@code webhook-id} header of it. */
    @Id
    public UUID id;

    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(name = "subject_version", nullable = false)
    public long subjectVersion;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "retry_until", nullable = false)
    public Instant retryUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public static UUID idFor(UUID eventId, UUID endpointId) {
        return UUID.nameUUIDFromBytes((eventId + "/" + endpointId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The {@code webhook-id} header: the same on every attempt, so that receivers can drop repeats. */
    public static String messageId(UUID deliveryId) {
        return "msg_" + deliveryId.toString().replace("-", "");
    }
}
