package io.licenseflow.entitlement.license;

import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.verifier.Expiry;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.ExpirationBehaviour;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.LicenseDuration;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.Seats;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An issued license: its account, the type version it was issued under, its state and term, and its key's hash. */
@Entity
@Table(name = "license")
public class License extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    /** The onboarding that asked for it, when one did. */
    @Column(name = "onboarding_id")
    public UUID onboardingId;

    @Column(name = "license_type_id", nullable = false)
    public UUID licenseTypeId;

    @Column(name = "license_type_name", nullable = false)
    public String licenseTypeName;

    @Column(name = "license_type_version", nullable = false)
    public int licenseTypeVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "duration_kind", nullable = false)
    public LicenseDuration.Kind durationKind;

    /** ISO-8601 period of one term; null for a perpetual license. */
    @Column(name = "term_period")
    public String termPeriod;

    @Column(name = "grace_period", nullable = false)
    public String gracePeriod;

    @Enumerated(EnumType.STRING)
    @Column(name = "expiration_behaviour", nullable = false)
    public ExpirationBehaviour expirationBehaviour;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LicenseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "seat_model", nullable = false)
    public Seats.Model seatModel;

    /** ISO-8601 duration within which a floating seat must send a heartbeat; null for node-locked seats. */
    @Column(name = "heartbeat_ttl")
    public String heartbeatTtl;

    @Column(name = "seat_limit", nullable = false)
    public int seatLimit;

    @Column(name = "seats_used", nullable = false)
    public int seatsUsed;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    /** End of the current term; null for a perpetual license. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** A subscription that will not renew at the end of its current period. */
    @Column(name = "cancel_at_period_end", nullable = false)
    public boolean cancelAtPeriodEnd;

    /** The expiry the last LicenseExpiring announced, so that each term is announced once. */
    @Column(name = "expiring_announced_for")
    public Instant expiringAnnouncedFor;

    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    /** The encrypted copy for the one-time reveal; null once revealed. */
    @Column(name = "key_sealed")
    public String keySealed;

    @Column(name = "key_revealed_at")
    public Instant keyRevealedAt;

    @Column(name = "key_revealed_by")
    public String keyRevealedBy;

    @Column(name = "first_activated_at")
    public Instant firstActivatedAt;

    @Column(name = "first_usage_at")
    public Instant firstUsageAt;

    /** Why it was last suspended or revoked. */
    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Whether the license may be used (activated, metered) at {@code now}: when active; when expired, during its grace
     * period, and after it only with MAINTAIN_ACCESS (the features of its last term). Suspended and revoked licenses never.
     */
    public boolean grantsAccessAt(Instant now) {
        return switch (status) {
            case ACTIVE -> true;
            case EXPIRED -> expiry().at(now, true).valid();
            default -> false;
        };
    }

    /** Its term, grace and behaviour after expiry, as online validation and license tokens judge them. */
    public Expiry expiry() {
        return new Expiry(expiresAt, gracePeriod, expirationBehaviour == ExpirationBehaviour.MAINTAIN_ACCESS, renewsAutomatically());
    }

    /** Whether the current term renews by itself: an active subscription that was not cancelled. */
    public boolean renewsAutomatically() {
        return durationKind == LicenseDuration.Kind.SUBSCRIPTION && !cancelAtPeriodEnd;
    }
}
