package io.licenseflow.onboarding.onboarding;

import io.licenseflow.events.onboarding.OnboardingStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An onboarding as the API shows it: its status, and every step with its state (DONE, WAITING, STALLED, FAILED or
 * PENDING), when it was confirmed and by which event.
 */
public record OnboardingView(UUID id, UUID accountId, String licenseType, Integer seats, OnboardingStatus status,
        OnboardingStep currentStep, OnboardingStep waitingFor, Instant waitingSince, int attempt, UUID licenseId, Failure failure,
        Instant stalledSince, List<Step> steps, Instant createdAt, Instant updatedAt) {

    public record Step(OnboardingStep step, String state, Instant confirmedAt, ConfirmedBy confirmedBy) {
    }

    public record ConfirmedBy(UUID eventId, String eventType) {
    }

    public record Failure(OnboardingStep step, String reason, String detail, Instant at) {
    }

    public static OnboardingView of(Onboarding o, List<StepConfirmation> confirmations) {
        Map<OnboardingStep, StepConfirmation> confirmed = confirmations.stream()
                .collect(Collectors.toMap(c -> c.step, Function.identity()));
        List<Step> steps = new ArrayList<>();
        for (OnboardingStep step : OnboardingStep.values()) {
            StepConfirmation c = confirmed.get(step);
            steps.add(c != null ? new Step(step, "DONE", c.confirmedAt, new ConfirmedBy(c.eventId, c.eventType))
                    : new Step(step, stateOf(o, step), null, null));
        }
        Failure failure = o.status == OnboardingStatus.FAILED ? new Failure(o.failedStep, o.failureReason, o.failureDetail, o.failedAt) : null;
        return new OnboardingView(o.id, o.accountId, o.licenseType, o.seats, o.status, o.step, o.waitingFor(),
                o.status == OnboardingStatus.COMPLETED ? null : o.waitingSince, o.attempt, o.licenseId, failure, o.stalledAt, steps,
                o.createdAt, o.updatedAt);
    }

    private static String stateOf(Onboarding o, OnboardingStep step) {
        if (step != o.waitingFor()) {
            return "PENDING";
        }
        return switch (o.status) {
            case STALLED -> "STALLED";
            case FAILED -> "FAILED";
            default -> "WAITING";
        };
    }
}
