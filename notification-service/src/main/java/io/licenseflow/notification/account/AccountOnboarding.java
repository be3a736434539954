package io.licenseflow.notification.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Where an account's onboarding stands (its latest onboarding), as onboarding-service's events told it. */
@Entity
@Table(name = "account_onboarding")
public class AccountOnboarding extends PanacheEntityBase {

    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String STALLED = "stalled";

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "onboarding_id", nullable = false)
    public UUID onboardingId;

    @Column(nullable = false)
    public String status;

    /** The last step confirmed, or the step that failed or waits. */
    @Column(nullable = false)
    public String step;

    @Column
    public String reason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
