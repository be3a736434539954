package io.licenseflow.entitlement.usage;

import io.licenseflow.commons.http.IdempotencyKey;
import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.entitlement.activation.Activation;
import io.licenseflow.entitlement.activation.ActivationStatus;
import io.licenseflow.entitlement.license.License;
import io.licenseflow.entitlement.license.LicenseAccess;
import io.licenseflow.entitlement.license.LicenseEvents;
import io.licenseflow.entitlement.licensetype.LicenseTypeVersion;
import io.licenseflow.entitlement.optout.OptOutLookup;
import io.licenseflow.events.license.UsageRecorded;
import io.licenseflow.events.license.UsageVerified;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.UsageRule;
import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.events.optout.OptOutViolationCaught;
import io.licenseflow.verifier.OptOuts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Usage against a meter's quota for the current period. Reports of one license take turns (they lock it), and the
 * counter moves only within the cap: the quota for DENY, quota × overage factor (or no cap) for ALLOW_AND_FLAG, where
 * what passes the quota is accepted and flagged. The Idempotency-Key makes a retried report answer as the first did.
 * The license's first accepted usage publishes UsageVerified.
 */
@ApplicationScoped
public class UsageMetering {

    private static final Logger LOG = Logger.getLogger(UsageMetering.class);

    /**
     * An accepted usage, and whether it was a replay of an earlier request under the same Idempotency-Key; or, with
     * {@code refused} set, a report refused for its purpose (nothing counted; the violation caught is recorded).
     */
    public record Recorded(UsageRecord record, boolean replayed, OptOutViolationCaught refused) {
    }

    private final LicenseEvents events;
    private final MeterRegistry metrics;
    private final OptOutLookup optOuts;

    public UsageMetering(LicenseEvents events, MeterRegistry metrics, OptOutLookup optOuts) {
        this.events = events;
        this.metrics = metrics;
        this.optOuts = optOuts;
    }

    @WithTransaction
    public Uni<Recorded> record(UsageRequest request, String idempotencyKey, LicenseAccess.Caller caller, LicenseAccess access) {
        return access.open(request.key(), LockModeType.PESSIMISTIC_WRITE, caller).chain(license -> {
            FlowContext.put(FlowContext.LICENSE, license.id);
            FlowContext.put(FlowContext.ACCOUNT, license.accountId);
            String requestHash = IdempotencyKey.fingerprint(license.id + "|" + request.fingerprint() + "|" + request.meter() + "|" + request.quantity()
                    + (request.purpose() == null && request.user() == null ? "" : "|" + request.purpose() + "|" + request.user()));
            return UsageRecord.<UsageRecord>find("licenseId = ?1 and idempotencyKey = ?2", license.id, idempotencyKey).firstResult()
                    .chain(earlier -> {
                        if (earlier != null) {
                            if (!earlier.requestHash.equals(requestHash)) {
                                throw new ProblemException(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                                        "Idempotency-Key '" + idempotencyKey + "' was used for another usage report of this license");
                            }
                            return Uni.createFrom().item(new Recorded(earlier, true, null));
                        }
                        return accept(license, request, idempotencyKey, requestHash, caller);
                    });
        });
    }

    private Uni<Recorded> accept(License license, UsageRequest request, String idempotencyKey, String requestHash, LicenseAccess.Caller caller) {
        if (!license.grantsAccessAt(Instant.now())) {
            throw new ProblemException(ProblemCode.LICENSE_NOT_ACTIVE, "license " + license.keyPrefix + " is " + license.status + ": it takes no usage");
        }
        return LicenseTypeVersion.<LicenseTypeVersion>find("licenseTypeId = ?1 and version = ?2", license.licenseTypeId, license.licenseTypeVersion)
                .firstResult()
                .map(type -> type.definition().usageRules().stream().filter(r -> r.meter().equals(request.meter())).findFirst()
                        .orElseThrow(() -> new ProblemException(ProblemCode.VALIDATION_FAILED, "meter",
                                "is not a meter of license type " + license.licenseTypeName + " v" + license.licenseTypeVersion)))
                .chain(rule -> Activation.<Activation>find("licenseId = ?1 and fingerprint = ?2 and status = ?3", license.id, request.fingerprint(),
                                ActivationStatus.ACTIVE).firstResult()
                        .onItem().ifNull().failWith(() -> new ProblemException(ProblemCode.NOT_ACTIVATED,
                                "the machine " + request.fingerprint() + " holds no seat of license " + license.keyPrefix + ": activate it first"))
                        .chain(activation -> {
                            // Only a report that would otherwise count is a violation caught: the usual refusals come first.
                            OptOutViolationCaught violation = violation(license, request, caller);
                            return violation != null ? refuse(license, violation) : count(license, rule, activation, request, idempotencyKey, requestHash);
                        }));
    }

    private Uni<Recorded> count(License license, UsageRule rule, Activation activation, UsageRequest request, String idempotencyKey, String requestHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        QuotaWindow window = QuotaWindow.of(rule.period(), license, now);
        long capOrNone = MeterQuotas.of(rule).cap();
        long cap = capOrNone < 0 ? Long.MAX_VALUE : capOrNone;
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO usage_counter (license_id, meter, period_start, used) VALUES (:license, :meter, :start, 0)
                        ON CONFLICT DO NOTHING""")
                .setParameter("license", license.id).setParameter("meter", rule.meter()).setParameter("start", window.start())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                        UPDATE usage_counter SET used = used + :quantity
                        WHERE license_id = :license AND meter = :meter AND period_start = :start AND used <= :room
                        RETURNING used""", Long.class)
                        .setParameter("quantity", request.quantity()).setParameter("room", cap - request.quantity())
                        .setParameter("license", license.id).setParameter("meter", rule.meter()).setParameter("start", window.start())
                        .getResultList()))
                .chain(updated -> {
                    if (updated.isEmpty()) {
                        metrics.counter("licenseflow.usage.reports", "meter", rule.meter(), "outcome", "denied").increment();
                        throw new ProblemException(ProblemCode.QUOTA_EXCEEDED, "meter " + rule.meter() + " of license " + license.keyPrefix
                                + " allows " + (cap == Long.MAX_VALUE ? "no more" : cap) + " per " + rule.period() + "; " + request.quantity()
                                + " more would pass it");
                    }
                    return store(license, rule, activation, request, idempotencyKey, requestHash, window, updated.get(0), now);
                });
    }

    private Uni<Recorded> store(License license, UsageRule rule, Activation activation, UsageRequest request, String idempotencyKey,
            String requestHash, QuotaWindow window, long used, Instant now) {
        UsageRecord record = new UsageRecord();
        record.id = UUID.randomUUID();
        record.licenseId = license.id;
        record.activationId = activation.id;
        record.meter = rule.meter();
        record.quantity = request.quantity();
        record.idempotencyKey = idempotencyKey;
        record.requestHash = requestHash;
        record.periodStart = window.start();
        record.periodEnd = window.end();
        record.used = used;
        record.quota = rule.quota();
        record.overage = used > rule.quota();
        record.recordedAt = now;
        record.createdAt = now;
        boolean first = license.firstUsageAt == null;
        if (first) {
            license.firstUsageAt = now;
            license.updatedAt = now;
        }
        metrics.counter("licenseflow.usage.reports", "meter", rule.meter(), "outcome", record.overage ? "overage" : "accepted").increment();
        metrics.counter("licenseflow.usage.quantity", "meter", rule.meter()).increment(request.quantity());
        LOG.infof("license %s: %d %s recorded, %d of %d in the period%s", license.id, request.quantity(), rule.meter(), used, rule.quota(),
                record.overage ? " (overage, flagged)" : "");
        return record.<UsageRecord>persist()
                .call(() -> events.publish(license.id, UsageRecorded.TYPE, new UsageRecorded(record.id, license.id, license.accountId, activation.id,
                        record.meter, record.quantity, record.periodStart, record.periodEnd, record.used, record.quota, record.overage, now)))
                .call(() -> first ? events.publish(license.id, UsageVerified.TYPE,
                        UsageVerified.firstUsage(license.id, license.accountId, license.onboardingId, record.id, record.meter, now)) : Uni.createFrom().voidItem())
                .map(saved -> new Recorded(saved, false, null));
    }

    /**
     * The opt-out a report for a purpose runs into, if any: the user's, else the machine's, else the account's (the most
     * specific subject that opted out of the purpose, with the version the decision saw).
     */
    private OptOutViolationCaught violation(License license, UsageRequest request, LicenseAccess.Caller caller) {
        if (request.purpose() == null) {
            return null;
        }
        OptOuts held = optOuts.of(license.accountId, request.fingerprint(), request.user());
        if (held.mayCollect(request.purpose())) {
            return null;
        }
        OptOuts.Subject subject = held.account();
        String kind = OptOutSubject.ACCOUNT;
        if (held.user() != null && held.user().optedOut().contains(request.purpose())) {
            subject = held.user();
            kind = OptOutSubject.USER;
        } else if (held.machine() != null && held.machine().optedOut().contains(request.purpose())) {
            subject = held.machine();
            kind = OptOutSubject.MACHINE;
        }
        return new OptOutViolationCaught(license.id, license.accountId, new OptOutSubject(kind, subject.id()), request.purpose(),
                OptOutViolationCaught.REFUSED, request.meter(), subject.version(), caller.client(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Counts nothing; records the violation caught (its event, for the compliance log) in the report's transaction. */
    private Uni<Recorded> refuse(License license, OptOutViolationCaught violation) {
        metrics.counter("licenseflow.optout.violations", "purpose", violation.purpose(), "action", violation.action()).increment();
        LOG.infof("license %s: a %s report for %s refused: %s %s opted out (version %d)", license.id, violation.meter(), violation.purpose(),
                violation.subject().kind(), violation.subject().id(), violation.optOutVersion());
        return events.publish(license.id, OptOutViolationCaught.TYPE, violation).map(published -> new Recorded(null, false, violation));
    }
}
