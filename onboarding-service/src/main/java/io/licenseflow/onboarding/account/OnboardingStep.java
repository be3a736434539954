package io.licenseflow.onboarding.account;

/** The steps an account goes through, in order. Each is confirmed and persisted before the next starts. */
public enum OnboardingStep {
    ACCOUNT_CREATED,
    LICENSE_KEY_ASSIGNED,
    ACTIVATED,
    USAGE_CHECKED
}
