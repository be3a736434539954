package io.licenseflow.notification.template;

import io.licenseflow.events.EventJson;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseExpiring;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.events.licensekey.LicenseKeyIssued;
import io.licenseflow.events.onboarding.OnboardingProgressed;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.licenseflow.notification.account.Recipient;
import io.licenseflow.notification.license.LicenseSnapshot;
import io.licenseflow.notification.notice.Notice;
import io.licenseflow.testing.TestKeys;
import java.time.Instant;
import java.util.UUID;

/**
 * Each template's example: the event that triggers it, as its producer publishes it, with the customer and license
 * notification-service would know by then. Golden files are rendered from these through the service's composer.
 */
final class ExampleEvents {

    static final String KEY = TemplateExamples.EXAMPLE_KEY;
    static final UUID ACCOUNT = UUID.fromString("0b7e4c2a-9d1f-4e55-8a3b-6c2d1e0f9a77");
    static final UUID LICENSE = UUID.fromString("3f2c1a7e-5b8d-4e0f-9a61-2d4c8b7e1f05");
    private static final Instant AT = Instant.parse("2026-11-24T09:30:00Z");
    private static final Instant ENDS = Instant.parse("2027-12-01T00:00:00Z");

    private ExampleEvents() {
    }

    /** The triggering event's payload for the template. */
    static Object payload(NoticeTemplate template) {
        return switch (template) {
            case LICENSE_DETAILS, ACTIVATION_INSTRUCTIONS -> new LicenseKeyIssued(LICENSE, ACCOUNT, "notification-service", TestKeys.handoff(KEY, LICENSE),
                    "LF-7Q2M", "ISSUED", AT);
            case LICENSE_EXPIRING -> new LicenseExpiring(LICENSE, ACCOUNT, "team-annual", ENDS, AT);
            case LICENSE_EXPIRED -> new LicenseChanged(LICENSE, ACCOUNT, LicenseStatus.EXPIRED, ENDS, ENDS, "LF-7Q2M", "system", null, ENDS);
            case LICENSE_SUSPENDED -> new LicenseChanged(LICENSE, ACCOUNT, LicenseStatus.SUSPENDED, ENDS, ENDS, "LF-7Q2M", "vendor-admin",
                    "invoice 2026-118 is overdue", AT);
            case LICENSE_REVOKED -> new LicenseChanged(LICENSE, ACCOUNT, LicenseStatus.REVOKED, ENDS, ENDS, "LF-7Q2M", "vendor-admin",
                    "contract terminated", AT);
            case ONBOARDING_COMPLETED -> new OnboardingProgressed(UUID.fromString("6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), ACCOUNT, OnboardingStep.COMPLETED,
                    OnboardingStep.USAGE_VERIFIED, LICENSE, UUID.fromString("7b2e3d4c-5f6a-4b7c-9d8e-0f1a2b3c4d5e"), "UsageVerified", AT);
        };
    }

    /** The notice as queued from the event. */
    static Notice notice(NoticeTemplate template, int version) {
        Notice notice = new Notice();
        notice.id = UUID.fromString("9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d");
        notice.accountId = ACCOUNT;
        notice.licenseId = LICENSE;
        notice.template = template.id();
        notice.templateVersion = version;
        notice.category = template.category().id();
        notice.triggeredAt = AT;
        notice.status = Notice.QUEUED;
        notice.triggerPayload = EventJson.MAPPER.valueToTree(payload(template)).toString();
        return notice;
    }

    /** The account's contact, as AccountCreated told it. */
    static Recipient recipient(String locale) {
        Recipient recipient = new Recipient();
        recipient.id = ACCOUNT;
        recipient.name = "Example Corp";
        recipient.email = "it@example-corp.example";
        recipient.locale = locale;
        return recipient;
    }

    /** The license, as LicenseIssued and three MachineActivated told it. */
    static LicenseSnapshot license() {
        LicenseSnapshot license = new LicenseSnapshot();
        license.id = LICENSE;
        license.accountId = ACCOUNT;
        license.licenseType = "team-annual";
        license.licenseTypeVersion = 2;
        license.status = "ACTIVE";
        license.seatLimit = 10;
        license.seatsUsed = 3;
        license.startsAt = Instant.parse("2026-12-01T00:00:00Z");
        license.expiresAt = ENDS;
        license.keyPrefix = "LF-7Q2M";
        license.updatedAt = AT;
        return license;
    }
}
