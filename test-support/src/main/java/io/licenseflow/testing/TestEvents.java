package io.licenseflow.testing;

import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.account.AccountCreated;
import io.licenseflow.events.onboarding.OnboardingRetried;
import io.licenseflow.events.onboarding.OnboardingStarted;
import io.licenseflow.events.onboarding.OnboardingStep;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events as their producers publish them, for testing a consumer on its own. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope accountCreated(UUID accountId, String name) {
        return accountCreatedWithKey(accountId, accountId.toString(), name);
    }

    /** An OnboardingStarted as onboarding-service publishes it (record key: the onboarding id). */
    public static EventEnvelope onboardingStarted(UUID onboardingId, UUID accountId, String licenseType, Integer seats) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope(UUID.randomUUID(), OnboardingStarted.TYPE, OnboardingStarted.SCHEMA_VERSION, "/licenseflow/onboarding-service",
                AggregateTypes.ONBOARDING, onboardingId.toString(), now,
                EventJson.MAPPER.valueToTree(new OnboardingStarted(onboardingId, accountId, licenseType, seats, 1, now, "test-operator")),
                "test-" + onboardingId);
    }

    /** An OnboardingRetried at KEY_ASSIGNED, attempt {@code attempt}. */
    public static EventEnvelope onboardingRetried(UUID onboardingId, UUID accountId, String licenseType, Integer seats, int attempt) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope(UUID.randomUUID(), OnboardingRetried.TYPE, OnboardingRetried.SCHEMA_VERSION, "/licenseflow/onboarding-service",
                AggregateTypes.ONBOARDING, onboardingId.toString(), now,
                EventJson.MAPPER.valueToTree(new OnboardingRetried(onboardingId, accountId, OnboardingStep.KEY_ASSIGNED, licenseType, seats,
                        attempt, now, "test-admin")), "test-" + onboardingId);
    }

    /** An AccountCreated whose record key (aggregate id) is {@code key}, to put it on another aggregate's partition. */
    public static EventEnvelope accountCreatedWithKey(UUID accountId, String key, String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope(UUID.randomUUID(), AccountCreated.TYPE, AccountCreated.SCHEMA_VERSION,
                "/licenseflow/onboarding-service", AggregateTypes.ACCOUNT, key, now,
                EventJson.MAPPER.valueToTree(new AccountCreated(accountId, name, "contact@" + accountId + ".example.com", now, "en")), "test-" + accountId);
    }
}
