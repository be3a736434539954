package io.licenseflow.onboarding.onboarding;

/** Where an onboarding stands, beside its last confirmed step. */
public enum OnboardingStatus {
    /** waiting for the next step's event */
    IN_PROGRESS,
    /** waiting longer than the step's limit; continues when the event arrives */
    STALLED,
    /** a step failed (see the failure); POST /v1/onboardings/{id}/retry resumes it */
    FAILED,
    /** every step confirmed */
    COMPLETED
}
