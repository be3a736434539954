package io.licenseflow.events.onboarding;

/** The steps of an onboarding, in order; each is confirmed by the event of the service that owns it. */
public enum OnboardingStep {
    /** onboarding-service created the account (AccountCreated). */
    ACCOUNT_CREATED,
    /** entitlement-service issued a license and its key (LicenseIssued). */
    KEY_ASSIGNED,
    /** the license's first machine was activated (LicenseActivated). */
    ACTIVATED,
    /** the license's first usage was accepted (UsageVerified). */
    USAGE_VERIFIED,
    /** onboarding-service closed the onboarding. */
    COMPLETED
}
