package io.licenseflow.entitlement.license;

import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.entitlement.key.LicenseKey;
import io.licenseflow.entitlement.key.SealedKeys;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.LicenseDuration;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What operators do to a license: suspend, reinstate, revoke (final), renew, cancel a subscription at its period's end,
 * re-key, and reveal the key once. Each change locks the license row, checks the state allows it (409
 * {@code license-state-conflict} otherwise) and publishes its event in the same transaction.
 */
@ApplicationScoped
public class LicenseLifecycle {

    private static final Logger LOG = Logger.getLogger(LicenseLifecycle.class);

    /** The clear key of a one-time reveal. */
    public record RevealedKey(UUID licenseId, String key, String keyPrefix, Instant revealedAt) {
    }

    private final LicenseEvents events;
    private final LicenseIssuance issuance;
    private final SealedKeys sealedKeys;

    public LicenseLifecycle(LicenseEvents events, LicenseIssuance issuance, SealedKeys sealedKeys) {
        this.events = events;
        this.issuance = issuance;
        this.sealedKeys = sealedKeys;
    }

    @WithTransaction
    public Uni<License> suspend(UUID id, String reason, String actor) {
        return change(id, license -> {
            require(license, license.status == LicenseStatus.ACTIVE, "only an ACTIVE license can be suspended");
            license.status = LicenseStatus.SUSPENDED;
            license.statusReason = reason;
            return LicenseChanged.SUSPENDED;
        }, actor, reason);
    }

    @WithTransaction
    public Uni<License> reinstate(UUID id, String actor) {
        return change(id, license -> {
            require(license, license.status == LicenseStatus.SUSPENDED, "only a SUSPENDED license can be reinstated");
            boolean lapsed = license.expiresAt != null && !license.expiresAt.isAfter(Instant.now()) && !license.renewsAutomatically();
            license.status = lapsed ? LicenseStatus.EXPIRED : LicenseStatus.ACTIVE;
            license.statusReason = null;
            return LicenseChanged.REINSTATED;
        }, actor, null);
    }

    @WithTransaction
    public Uni<License> revoke(UUID id, String reason, String actor) {
        return change(id, license -> {
            require(license, license.status != LicenseStatus.REVOKED, "the license is revoked already");
            license.status = LicenseStatus.REVOKED;
            license.statusReason = reason;
            return LicenseChanged.REVOKED;
        }, actor, reason);
    }

    /** One more term from the end of the current one (or from now, when it lapsed), and an expired license is active again. */
    @WithTransaction
    public Uni<License> renew(UUID id, String actor) {
        return change(id, license -> {
            require(license, license.durationKind != LicenseDuration.Kind.PERPETUAL, "a perpetual license does not expire");
            require(license, license.status != LicenseStatus.REVOKED, "a revoked license cannot be renewed");
            Instant now = Instant.now();
            Instant from = license.expiresAt.isAfter(now) ? license.expiresAt : now.truncatedTo(ChronoUnit.MICROS);
            license.expiresAt = LicenseTerms.plus(from, license.termPeriod);
            license.cancelAtPeriodEnd = false;
            if (license.status == LicenseStatus.EXPIRED) {
                license.status = LicenseStatus.ACTIVE;
            }
            return LicenseChanged.RENEWED;
        }, actor, null);
    }

    /** A subscription runs to the end of its current period and then expires instead of renewing. */
    @WithTransaction
    public Uni<License> cancel(UUID id, String actor) {
        return change(id, license -> {
            require(license, license.durationKind == LicenseDuration.Kind.SUBSCRIPTION, "only a subscription can be cancelled");
            require(license, !license.cancelAtPeriodEnd, "the subscription is cancelled already");
            require(license, license.status == LicenseStatus.ACTIVE || license.status == LicenseStatus.SUSPENDED,
                    "only an active or suspended subscription can be cancelled");
            license.cancelAtPeriodEnd = true;
            return LicenseChanged.CANCELLED;
        }, actor, null);
    }

    /** A new key replaces the old one at once (it no longer validates); the new one is handed over as at issue. */
    @WithTransaction
    public Uni<License> rekey(UUID id, String actor) {
        LicenseKey key = LicenseKey.generate();
        return change(id, license -> {
            require(license, license.status != LicenseStatus.REVOKED, "a revoked license keeps its key");
            issuance.assignKey(license, key);
            return LicenseChanged.REKEYED;
        }, actor, null).call(license -> events.keyIssued(license, key, "REKEYED"));
    }

    /** The clear key, once: the sealed copy is erased in the same transaction. */
    @WithTransaction
    public Uni<RevealedKey> revealKey(UUID id, String actor) {
        return locked(id).map(license -> {
            if (license.keySealed == null) {
                throw new ProblemException(ProblemCode.KEY_ALREADY_REVEALED, "the key of license " + id + " was revealed at "
                        + license.keyRevealedAt + (license.keyRevealedBy == null ? "" : " by " + license.keyRevealedBy)
                        + "; re-key the license to issue a new one");
            }
            LicenseKey key = sealedKeys.open(license.keySealed, license.id);
            license.keySealed = null;
            license.keyRevealedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            license.keyRevealedBy = actor;
            LOG.infof("the key %s of license %s was revealed to %s", key, license.id, actor);
            return new RevealedKey(license.id, key.display(), key.prefix(), license.keyRevealedAt);
        });
    }

    private Uni<License> change(UUID id, Function<License, String> mutation, String actor, String reason) {
        return locked(id).chain(license -> {
            Instant previousExpiry = license.expiresAt;
            String type = mutation.apply(license);
            license.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            LOG.infof("license %s: %s by %s, now %s", license.id, type, actor, license.status);
            return events.changed(type, license, previousExpiry, actor, reason).replaceWith(license);
        });
    }

    static Uni<License> locked(UUID id) {
        FlowContext.put(FlowContext.LICENSE, id);
        return License.<License>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> notFound(id))
                .invoke(license -> FlowContext.put(FlowContext.ACCOUNT, license.accountId));
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException(ProblemCode.NOT_FOUND, "no license " + id);
    }

    private static void require(License license, boolean allowed, String why) {
        if (!allowed) {
            throw new ProblemException(ProblemCode.LICENSE_STATE_CONFLICT, why + " (license " + license.id + " is " + license.status + ")");
        }
    }
}
