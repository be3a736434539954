package io.licenseflow.notification.license;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What notices show about a license, as its events told it (entitlement-service owns the license itself). */
@Entity
@Table(name = "license_snapshot")
public class LicenseSnapshot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "license_type", nullable = false)
    public String licenseType;

    @Column(name = "license_type_version", nullable = false)
    public int licenseTypeVersion;

    @Column(nullable = false)
    public String status;

    @Column(name = "seat_limit", nullable = false)
    public int seatLimit;

    @Column(name = "seats_used", nullable = false)
    public int seatsUsed;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
