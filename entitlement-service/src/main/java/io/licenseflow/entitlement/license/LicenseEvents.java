package io.licenseflow.entitlement.license;

import io.licenseflow.commons.outbox.Outbox;
import io.licenseflow.entitlement.key.KeyHandoff;
import io.licenseflow.entitlement.key.LicenseKey;
import io.licenseflow.entitlement.validation.ChangedLicenses;
import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseIssueRejected;
import io.licenseflow.events.license.LicenseIssued;
import io.licenseflow.events.licensekey.LicenseKeyIssued;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The events of the license aggregate, written to the outbox in the caller's transaction (keyed by license id). */
@ApplicationScoped
public class LicenseEvents {

    private final Outbox outbox;
    private final KeyHandoff handoff;

    public LicenseEvents(Outbox outbox, KeyHandoff handoff) {
        this.outbox = outbox;
        this.handoff = handoff;
    }

    public Uni<?> issued(License license) {
        return publish(license.id, LicenseIssued.TYPE, new LicenseIssued(license.id, license.accountId, license.onboardingId,
                license.licenseTypeName, license.licenseTypeVersion, license.status, license.seatLimit, license.startsAt, license.expiresAt,
                license.keyPrefix, license.createdAt));
    }

    /** No license exists, so the record key is the onboarding's id. */
    public Uni<?> rejected(UUID onboardingId, UUID accountId, int attempt, String reason, String detail) {
        return publish(onboardingId, LicenseIssueRejected.TYPE,
                new LicenseIssueRejected(onboardingId, accountId, attempt, reason, detail, Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    public Uni<?> changed(String type, License license, Instant previousExpiresAt, String actor, String reason) {
        return publish(license.id, type, new LicenseChanged(license.id, license.accountId, license.status, license.expiresAt,
                previousExpiresAt, license.keyPrefix, actor, reason, license.updatedAt));
    }

    /** The clear key, encrypted for its recipient alone, on the restricted license-key topic. */
    public Uni<?> keyIssued(License license, LicenseKey key, String reason) {
        return outbox.publish(AggregateTypes.LICENSE_KEY, license.id.toString(), LicenseKeyIssued.TYPE, LicenseKeyIssued.SCHEMA_VERSION,
                new LicenseKeyIssued(license.id, license.accountId, handoff.recipient(), handoff.encrypt(key, license.id), key.prefix(),
                        reason, license.updatedAt));
    }

    public Uni<?> publish(UUID key, String type, Object payload) {
        ChangedLicenses.record(key);
        return outbox.publish(AggregateTypes.LICENSE, key.toString(), type, 1, payload);
    }
}
