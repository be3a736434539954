package io.licenseflow.onboarding.onboarding;

import io.licenseflow.events.onboarding.OnboardingStep;
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

/** An account's onboarding: the last step confirmed, what it waits for, and how it failed or stalled if it did. */
@Entity
@Table(name = "onboarding")
public class Onboarding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "license_type", nullable = false)
    public String licenseType;

    /** The seats asked for; null for the type's default. */
    public Integer seats;

    /** The last step confirmed. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OnboardingStep step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OnboardingStatus status;

    /** Since when the next step has been awaited (the last confirmation, or the last retry). */
    @Column(name = "waiting_since", nullable = false)
    public Instant waitingSince;

    /** 1, and one more for each retry. */
    @Column(nullable = false)
    public int attempt;

    @Column(name = "license_id")
    public UUID licenseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "failed_step")
    public OnboardingStep failedStep;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "failure_detail")
    public String failureDetail;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "stalled_at")
    public Instant stalledAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The step awaited now, or null when the onboarding is completed. */
    public OnboardingStep waitingFor() {
        return step == OnboardingStep.COMPLETED ? null : OnboardingStep.values()[step.ordinal() + 1];
    }
}
