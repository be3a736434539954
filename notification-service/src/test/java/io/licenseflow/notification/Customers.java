package io.licenseflow.notification;

import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.Topics;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseExpiring;
import io.licenseflow.events.license.LicenseIssued;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.events.licensekey.LicenseKeyIssued;
import io.licenseflow.events.onboarding.OnboardingProgressed;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.licenseflow.testing.TestEvents;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A customer of the vendor, as the other services' events tell notification-service about it. */
public record Customers(UUID accountId, String email, String name) {

    public static final String ENTITLEMENT = "/licenseflow/entitlement-service";

    /** A new account (AccountCreated published) with its own mailbox. */
    public static Customers created(String name, String locale) {
        return created(UUID.randomUUID(), name, locale);
    }

    public static Customers created(UUID accountId, String name, String locale) {
        String email = "contact-" + accountId.toString().substring(0, 8) + "@customer.example";
        TestKafka.publish(Topics.ACCOUNT_EVENTS, TestEvents.accountCreated(accountId, name, email, locale));
        return new Customers(accountId, email, name);
    }

    public EventEnvelope licenseIssued(UUID licenseId, String licenseType, int seats, Instant expiresAt) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EventEnvelope event = TestEvents.event(LicenseIssued.TYPE, ENTITLEMENT, AggregateTypes.LICENSE, licenseId,
                new LicenseIssued(licenseId, accountId, null, licenseType, 1, LicenseStatus.ACTIVE, seats, Instant.parse("2026-12-01T00:00:00Z"),
                        expiresAt, "LF-" + licenseId.toString().substring(0, 4).toUpperCase(), now));
        TestKafka.publish(Topics.LICENSE_EVENTS, event);
        return event;
    }

    public EventEnvelope keyIssued(UUID licenseId, String key, String reason) {
        return keyIssued(licenseId, key, reason, licenseId);
    }

    /** A hand-off made for {@code handedOffFor}, published for {@code licenseId} (the same, but for a replay). */
    public EventEnvelope keyIssued(UUID licenseId, String key, String reason, UUID handedOffFor) {
        EventEnvelope event = TestEvents.event(LicenseKeyIssued.TYPE, ENTITLEMENT, AggregateTypes.LICENSE_KEY, licenseId,
                new LicenseKeyIssued(licenseId, accountId, "notification-service", TestKeys.handoff(key, handedOffFor), key.substring(0, 7), reason,
                        Instant.now()));
        TestKafka.publish(Topics.LICENSE_KEY_EVENTS, event);
        return event;
    }

    public EventEnvelope expiring(UUID licenseId, Instant expiresAt) {
        EventEnvelope event = TestEvents.event(LicenseExpiring.TYPE, ENTITLEMENT, AggregateTypes.LICENSE, licenseId,
                new LicenseExpiring(licenseId, accountId, "team-annual", expiresAt, Instant.now()));
        TestKafka.publish(Topics.LICENSE_EVENTS, event);
        return event;
    }

    public EventEnvelope changed(String type, UUID licenseId, LicenseStatus status, Instant expiresAt, String reason) {
        EventEnvelope event = TestEvents.event(type, ENTITLEMENT, AggregateTypes.LICENSE, licenseId,
                new LicenseChanged(licenseId, accountId, status, expiresAt, expiresAt, null, "admin", reason, Instant.now().truncatedTo(ChronoUnit.MICROS)));
        TestKafka.publish(Topics.LICENSE_EVENTS, event);
        return event;
    }

    /** An onboarded license: of a published type "<prefix>-…" (display name "Test <type>"), 5 seats, 2 machines, onboarding completed. */
    public OnboardedLicense onboarded(String typePrefix) {
        UUID licenseId = UUID.randomUUID();
        String type = typePrefix + "-" + licenseId.toString().substring(0, 6);
        TestKafka.publish(Topics.LICENSE_TYPE_EVENTS, TestEvents.licenseTypePublished(type, 5, null));
        licenseIssued(licenseId, type, 5, Instant.parse("2027-09-01T00:00:00Z"));
        machineActivated(licenseId, 1, 5);
        machineActivated(licenseId, 2, 5);
        onboardingCompleted(licenseId);
        return new OnboardedLicense(licenseId, type, "LF-" + licenseId.toString().substring(0, 4).toUpperCase());
    }

    /** What {@link #onboarded} published: the license, its type and its key's prefix. */
    public record OnboardedLicense(UUID licenseId, String type, String keyPrefix) {
    }

    public EventEnvelope machineActivated(UUID licenseId, int seatsUsed, int seatLimit) {
        EventEnvelope event = TestEvents.event(io.licenseflow.events.license.MachineActivated.TYPE, ENTITLEMENT, AggregateTypes.LICENSE, licenseId,
                new io.licenseflow.events.license.MachineActivated(UUID.randomUUID(), licenseId, accountId, "fp-" + seatsUsed, "machine " + seatsUsed,
                        "linux-x86_64", seatsUsed, seatLimit, Instant.now()));
        TestKafka.publish(Topics.LICENSE_EVENTS, event);
        return event;
    }

    public EventEnvelope onboardingCompleted(UUID licenseId) {
        UUID onboardingId = UUID.randomUUID();
        EventEnvelope event = TestEvents.event(OnboardingProgressed.TYPE, "/licenseflow/onboarding-service", AggregateTypes.ONBOARDING, onboardingId,
                new OnboardingProgressed(onboardingId, accountId, OnboardingStep.COMPLETED, OnboardingStep.USAGE_VERIFIED, licenseId, UUID.randomUUID(),
                        "UsageVerified", Instant.now()));
        TestKafka.publish(Topics.ONBOARDING_EVENTS, event);
        return event;
    }

    /** The account (or, with {@code subjectId} its contact's address, the contact as a user) opted out of these purposes. */
    public void optedOut(String kind, String subjectId, long version, java.util.List<String> purposes) {
        TestKafka.publish(Topics.OPTOUT_STATE_EVENTS, TestEvents.subjectOptOutState(accountId, kind, subjectId, version, purposes, kind.equals("account") ? java.util.List.of() : null));
    }
}
