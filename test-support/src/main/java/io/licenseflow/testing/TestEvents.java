package io.licenseflow.testing;

import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.account.AccountCreated;
import io.licenseflow.events.license.LicenseActivated;
import io.licenseflow.events.license.LicenseIssueRejected;
import io.licenseflow.events.license.LicenseIssued;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.events.license.UsageVerified;
import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import io.licenseflow.events.licensetype.LicenseTypePublished;
import io.licenseflow.events.onboarding.OnboardingRetried;
import io.licenseflow.events.onboarding.OnboardingStarted;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.events.optout.OptOutViolationCaught;
import io.licenseflow.events.optout.SubjectOptOutState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /** A LicenseTypePublished (version 1) for a node-locked perpetual type with {@code limit} seats, up to {@code maxLimit}. */
    public static EventEnvelope licenseTypePublished(String name, int limit, Integer maxLimit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID typeId = UUID.randomUUID();
        LicenseTypeDefinition definition = new LicenseTypeDefinition(name, "Test " + name,
                new LicenseTypeDefinition.LicenseDuration(LicenseTypeDefinition.LicenseDuration.Kind.PERPETUAL, null), "P0D",
                LicenseTypeDefinition.ExpirationBehaviour.RESTRICT_ACCESS, List.of("core"), List.of(),
                new LicenseTypeDefinition.Seats(LicenseTypeDefinition.Seats.Model.NODE_LOCKED, limit, maxLimit, null), "P7D");
        return envelope(LicenseTypePublished.TYPE, "/licenseflow/entitlement-service", AggregateTypes.LICENSE_TYPE, typeId,
                new LicenseTypePublished(typeId, name, 1, definition, now, "test-admin"));
    }

    public static EventEnvelope licenseIssued(UUID onboardingId, UUID accountId, UUID licenseId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return envelope(LicenseIssued.TYPE, "/licenseflow/entitlement-service", AggregateTypes.LICENSE, licenseId,
                new LicenseIssued(licenseId, accountId, onboardingId, "test-type", 1, LicenseStatus.ACTIVE, 3, now, null, "LF-TEST", now));
    }

    public static EventEnvelope licenseIssueRejected(UUID onboardingId, UUID accountId, int attempt, String reason) {
        return envelope(LicenseIssueRejected.TYPE, "/licenseflow/entitlement-service", AggregateTypes.LICENSE, onboardingId,
                new LicenseIssueRejected(onboardingId, accountId, attempt, reason, "test rejection", Instant.now()));
    }

    public static EventEnvelope licenseActivated(UUID onboardingId, UUID accountId, UUID licenseId) {
        return envelope(LicenseActivated.TYPE, "/licenseflow/entitlement-service", AggregateTypes.LICENSE, licenseId,
                new LicenseActivated(licenseId, accountId, onboardingId, UUID.randomUUID(), Instant.now()));
    }

    public static EventEnvelope usageVerified(UUID onboardingId, UUID accountId, UUID licenseId) {
        return envelope(UsageVerified.TYPE, "/licenseflow/entitlement-service", AggregateTypes.LICENSE, licenseId,
                UsageVerified.firstUsage(licenseId, accountId, onboardingId, UUID.randomUUID(), "api-calls", Instant.now()));
    }

    /** An event of {@code type} (schema version 1) from {@code source} (e.g. "/licenseflow/entitlement-service"). */
    public static EventEnvelope event(String type, String source, String aggregateType, UUID aggregateId, Object payload) {
        return envelope(type, source, aggregateType, aggregateId, payload);
    }

    /** An AccountCreated with the contact's address and the account's locale. */
    public static EventEnvelope accountCreated(UUID accountId, String name, String contactEmail, String locale) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope(UUID.randomUUID(), AccountCreated.TYPE, AccountCreated.SCHEMA_VERSION, "/licenseflow/onboarding-service",
                AggregateTypes.ACCOUNT, accountId.toString(), now,
                EventJson.MAPPER.valueToTree(new AccountCreated(accountId, name, contactEmail, now, locale)), "test-" + accountId);
    }

    private static EventEnvelope envelope(String type, String source, String aggregateType, UUID aggregateId, Object payload) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope(UUID.randomUUID(), type, 1, source, aggregateType, aggregateId.toString(), now,
                EventJson.MAPPER.valueToTree(payload), "test-" + aggregateId);
    }

    /** An AccountCreated whose record key (aggregate id) is {@code key}, to put it on another aggregate's partition. */
    public static EventEnvelope accountCreatedWithKey(UUID accountId, String key, String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope(UUID.randomUUID(), AccountCreated.TYPE, AccountCreated.SCHEMA_VERSION,
                "/licenseflow/onboarding-service", AggregateTypes.ACCOUNT, key, now,
                EventJson.MAPPER.valueToTree(new AccountCreated(accountId, name, "contact@" + accountId + ".example.com", now, "en")), "test-" + accountId);
    }

    /** The built-in purposes: a subject's state covers each of them (and those its account added). */
    public static final List<String> BUILT_IN_PURPOSES = List.of("telemetry", "usage-analytics", "crash-reports", "marketing-email",
            "sale-or-sharing", "personalization");

    /**
     * A SubjectOptOutState as optout-service publishes it on the compacted state topic (record key: the subject), for
     * an account with the built-in purposes only: opted out of {@code optedOut} by choice, of none of the others.
     */
    public static EventEnvelope subjectOptOutState(UUID accountId, String kind, String subjectId, long version, List<String> optedOut,
            List<String> subjectDefaults) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OptOutSubject subject = new OptOutSubject(kind, subjectId);
        List<SubjectOptOutState.PurposeState> purposes = BUILT_IN_PURPOSES.stream()
                .map(p -> optedOut.contains(p) ? new SubjectOptOutState.PurposeState(p, true, "CHOICE", "api", now)
                        : new SubjectOptOutState.PurposeState(p, false, "DEFAULT", null, null)).toList();
        return new EventEnvelope(UUID.randomUUID(), SubjectOptOutState.TYPE, SubjectOptOutState.SCHEMA_VERSION, "/licenseflow/optout-service",
                AggregateTypes.OPTOUT_STATE, accountId + ":" + kind + ":" + subjectId, now,
                EventJson.MAPPER.valueToTree(new SubjectOptOutState(accountId, subject, version, "US-CA", List.copyOf(optedOut), purposes,
                        subjectDefaults, now)), "test-" + accountId);
    }

    /** An OptOutViolationCaught as entitlement-service publishes it on the license topic (record key: the license). */
    public static EventEnvelope optOutViolationCaught(UUID licenseId, UUID accountId, String kind, String subjectId, String purpose, long version) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope(UUID.randomUUID(), OptOutViolationCaught.TYPE, OptOutViolationCaught.SCHEMA_VERSION,
                "/licenseflow/entitlement-service", AggregateTypes.LICENSE, licenseId.toString(), now,
                EventJson.MAPPER.valueToTree(new OptOutViolationCaught(licenseId, accountId, new OptOutSubject(kind, subjectId), purpose,
                        OptOutViolationCaught.REFUSED, "api-calls", version, "licenseflow-backend", now)), "test-" + licenseId);
    }
}
