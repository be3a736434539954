package io.licenseflow.entitlement.license;

import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.entitlement.key.LicenseKey;
import io.licenseflow.entitlement.key.LicenseKeyHasher;
import io.licenseflow.entitlement.key.SealedKeys;
import io.licenseflow.entitlement.licensetype.LicenseTypeVersion;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.LicenseDuration;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Issues a license under a type version, with a new key: stored as its keyed hash and a sealed copy for the one-time
 * reveal, handed to notification-service encrypted. Runs in the caller's transaction; the clear key leaves this
 * class only inside the encrypted hand-off.
 */
@ApplicationScoped
public class LicenseIssuance {

    private static final Logger LOG = Logger.getLogger(LicenseIssuance.class);

    private final LicenseKeyHasher hasher;
    private final SealedKeys sealedKeys;
    private final LicenseEvents events;

    public LicenseIssuance(LicenseKeyHasher hasher, SealedKeys sealedKeys, LicenseEvents events) {
        this.hasher = hasher;
        this.sealedKeys = sealedKeys;
        this.events = events;
    }

    public Uni<License> issue(LicenseTypeVersion type, UUID accountId, UUID onboardingId, int seatLimit) {
        LicenseTypeDefinition definition = type.definition();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        License license = new License();
        license.id = UUID.randomUUID();
        license.accountId = accountId;
        license.onboardingId = onboardingId;
        license.licenseTypeId = type.licenseTypeId;
        license.licenseTypeName = type.name;
        license.licenseTypeVersion = type.version;
        license.durationKind = definition.duration().kind();
        license.termPeriod = definition.duration().period();
        license.gracePeriod = definition.gracePeriod();
        license.expirationBehaviour = definition.expirationBehaviour();
        license.status = LicenseStatus.ACTIVE;
        license.seatModel = definition.seats().model();
        license.heartbeatTtl = definition.seats().heartbeatTtl();
        license.seatLimit = seatLimit;
        license.startsAt = now;
        license.expiresAt = license.durationKind == LicenseDuration.Kind.PERPETUAL ? null : LicenseTerms.plus(now, license.termPeriod);
        license.createdAt = now;
        license.updatedAt = now;
        LicenseKey key = LicenseKey.generate();
        assignKey(license, key);
        FlowContext.put(FlowContext.LICENSE, license.id);
        LOG.infof("issuing license %s (%s v%d, %d seats, key %s) to account %s", license.id, type.name, type.version, seatLimit, key, accountId);
        return license.<License>persist()
                .call(events::issued)
                .call(issued -> events.keyIssued(issued, key, "ISSUED"));
    }

    /** Gives the license a new key (its hash and sealed copy); the caller publishes it. */
    void assignKey(License license, LicenseKey key) {
        license.keyHash = hasher.hash(key);
        license.keyPrefix = key.prefix();
        license.keySealed = sealedKeys.seal(key, license.id);
        license.keyRevealedAt = null;
        license.keyRevealedBy = null;
    }
}
