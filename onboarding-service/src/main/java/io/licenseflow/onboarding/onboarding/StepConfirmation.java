package io.licenseflow.onboarding.onboarding;

import io.licenseflow.events.onboarding.OnboardingStep;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A confirmed step of an onboarding and the event that confirmed it. */
@Entity
@Table(name = "onboarding_step_confirmation")
public class StepConfirmation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "onboarding_id", nullable = false)
    public UUID onboardingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OnboardingStep step;

    @Column(name = "confirmed_at", nullable = false)
    public Instant confirmedAt;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    static StepConfirmation of(UUID onboardingId, OnboardingStep step, Instant at, UUID eventId, String eventType) {
        StepConfirmation confirmation = new StepConfirmation();
        confirmation.id = UUID.randomUUID();
        confirmation.onboardingId = onboardingId;
        confirmation.step = step;
        confirmation.confirmedAt = at;
        confirmation.eventId = eventId;
        confirmation.eventType = eventType;
        return confirmation;
    }
}
