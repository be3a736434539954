package io.licenseflow.entitlement.activation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A machine holding a seat of a license, named by its fingerprint. */
@Entity
@Table(name = "activation")
public class Activation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "license_id", nullable = false)
    public UUID licenseId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(nullable = false)
    public String fingerprint;

    public String name;

    public String platform;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> metadata;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivationStatus status;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(name = "last_heartbeat_at", nullable = false)
    public Instant lastHeartbeatAt;

    /** When a floating seat is reclaimed without a heartbeat; null for node-locked seats. */
    @Column(name = "heartbeat_deadline")
    public Instant heartbeatDeadline;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @Column(name = "deactivation_reason")
    public String deactivationReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
