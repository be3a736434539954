package io.licenseflow.entitlement.expiry;

import io.licenseflow.commons.logging.CorrelationId;
import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.entitlement.license.License;
import io.licenseflow.entitlement.license.LicenseEvents;
import io.licenseflow.entitlement.license.LicenseTerms;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseExpiring;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.LicenseDuration;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

/**
 * Ends terms on time. Every run, on every replica: subscriptions due renew (LicenseRenewed), other licenses at their
 * end expire (LicenseExpired), and licenses that will end within the notice period and that nothing renews are
 * announced (LicenseExpiring) once per term. Each change claims its license under a row lock that other replicas skip,
 * so however many replicas run at once, each event is published once and the work is shared.
 */
@ApplicationScoped
public class LicenseExpiry {

    private static final Logger LOG = Logger.getLogger(LicenseExpiry.class);
    private static final int BATCH = 200;
    private static final String SYSTEM = "system";

    private final LicenseEvents events;
    private final Duration noticeBefore;

    public LicenseExpiry(LicenseEvents events, @ConfigProperty(name = "licenseflow.expiry.notice-before") Duration noticeBefore) {
        this.events = events;
        this.noticeBefore = noticeBefore;
    }

    @Scheduled(identity = "license-expiry", every = "${licenseflow.expiry.check-every}", delayed = "${licenseflow.expiry.first-check-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        FlowContext.clear();
        CorrelationId.startScheduledRun("license-expiry");
        return renewDue().chain(this::expireDue).chain(this::announceUpcoming)
                .onFailure().invoke(e -> LOG.warnf("expiry run failed, will retry at the next run: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Subscriptions past their period's end that were not cancelled: on to the next period (caught up if several passed). */
    Uni<Integer> renewDue() {
        return each("status = :active and durationKind = :subscription and cancelAtPeriodEnd = false and expiresAt <= :now",
                license -> license.status == LicenseStatus.ACTIVE && license.renewsAutomatically() && !license.expiresAt.isAfter(now()),
                license -> {
                    Instant previous = license.expiresAt;
                    while (!license.expiresAt.isAfter(now())) {
                        license.expiresAt = LicenseTerms.plus(license.expiresAt, license.termPeriod);
                    }
                    license.updatedAt = now();
                    LOG.infof("subscription %s renewed to %s", license.id, license.expiresAt);
                    return events.changed(LicenseChanged.RENEWED, license, previous, SYSTEM, "automatic renewal");
                });
    }

    Uni<Integer> expireDue() {
        return each("status = :active and expiresAt <= :now and (durationKind <> :subscription or cancelAtPeriodEnd = true)",
                license -> license.status == LicenseStatus.ACTIVE && license.expiresAt != null && !license.expiresAt.isAfter(now())
                        && !license.renewsAutomatically(),
                license -> {
                    license.status = LicenseStatus.EXPIRED;
                    license.updatedAt = now();
                    LOG.infof("license %s expired at %s (%s)", license.id, license.expiresAt, license.expirationBehaviour);
                    return events.changed(LicenseChanged.EXPIRED, license, license.expiresAt, SYSTEM, null);
                });
    }

    Uni<Integer> announceUpcoming() {
        return each("status = :active and expiresAt > :now and expiresAt <= :horizon "
                        + "and (durationKind <> :subscription or cancelAtPeriodEnd = true) "
                        + "and (expiringAnnouncedFor is null or expiringAnnouncedFor <> expiresAt)",
                license -> license.status == LicenseStatus.ACTIVE && license.expiresAt != null && license.expiresAt.isAfter(now())
                        && !license.renewsAutomatically() && !license.expiresAt.equals(license.expiringAnnouncedFor),
                license -> {
                    license.expiringAnnouncedFor = license.expiresAt;
                    LOG.infof("license %s expires at %s: announced", license.id, license.expiresAt);
                    return events.publish(license.id, LicenseExpiring.TYPE,
                            new LicenseExpiring(license.id, license.accountId, license.licenseTypeName, license.expiresAt, now()));
                });
    }

    interface Change {
        Uni<?> apply(License license);
    }

    /**
     * Applies {@code change} to the licenses the query finds, one transaction per license, each claimed with
     * {@code FOR UPDATE SKIP LOCKED}: replicas running at once share the due licenses instead of queueing on the same
     * rows, and a row another replica has just changed no longer matches. A failure costs one change; the next run
     * retries it.
     */
    private Uni<Integer> each(String where, Predicate<License> stillDue, Change change) {
        Instant now = now();
        Map<String, Object> parameters = Map.of("active", LicenseStatus.ACTIVE, "subscription", LicenseDuration.Kind.SUBSCRIPTION,
                "now", now, "horizon", now.plus(noticeBefore));
        return claimNext(where, parameters, stillDue, change).repeat().whilst(Boolean::booleanValue)
                .select().first(BATCH)
                .filter(Boolean::booleanValue)
                .collect().with(Collectors.counting()).map(Long::intValue);
    }

    /** True when a license was claimed and changed; false when none is due (or the query and the check disagree). */
    private Uni<Boolean> claimNext(String where, Map<String, Object> parameters, Predicate<License> stillDue, Change change) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                    var query = session.createSelectionQuery("from License l where " + where + " order by l.expiresAt, l.id", License.class);
                    parameters.forEach((name, value) -> {
                        if (where.contains(":" + name)) {
                            query.setParameter(name, value);
                        }
                    });
                    return query.setMaxResults(1).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getSingleResultOrNull();
                })
                .chain(license -> {
                    if (license == null) {
                        return Uni.createFrom().item(false);
                    }
                    if (!stillDue.test(license)) {
                        LOG.warnf("license %s matched the expiry query but not its check: left for the next run", license.id);
                        return Uni.createFrom().item(false);
                    }
                    FlowContext.put(FlowContext.LICENSE, license.id);
                    FlowContext.put(FlowContext.ACCOUNT, license.accountId);
                    return change.apply(license).replaceWith(true);
                }));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
