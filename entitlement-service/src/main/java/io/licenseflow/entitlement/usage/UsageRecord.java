package io.licenseflow.entitlement.usage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An accepted usage report, with the standing it left and the Idempotency-Key it came with. */
@Entity
@Table(name = "usage_record")
public class UsageRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "license_id", nullable = false)
    public UUID licenseId;

    @Column(name = "activation_id", nullable = false)
    public UUID activationId;

    @Column(nullable = false)
    public String meter;

    @Column(nullable = false)
    public long quantity;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    /** SHA-256 of what was asked, to tell a retry from another request under the same key. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "period_start", nullable = false)
    public Instant periodStart;

    @Column(name = "period_end")
    public Instant periodEnd;

    /** The meter's total in the period after this usage. */
    @Column(nullable = false)
    public long used;

    @Column(nullable = false)
    public long quota;

    @Column(nullable = false)
    public boolean overage;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
