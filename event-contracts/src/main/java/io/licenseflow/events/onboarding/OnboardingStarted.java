package io.licenseflow.events.onboarding;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code OnboardingStarted} v1: an account's onboarding began, asking entitlement-service for a license of
 * {@code licenseType} with {@code seats} seats (null: the type's default). Published with AccountCreated.
 */
public record OnboardingStarted(UUID onboardingId, UUID accountId, String licenseType, Integer seats, int attempt,
        Instant startedAt, String requestedBy) {

    public static final String TYPE = "OnboardingStarted";
    public static final int SCHEMA_VERSION = 1;
}
