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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ends terms on time. Every run, on every replica: subscriptions due renew (LicenseRenewed), other licenses at their
 * end expire (LicenseExpired), and licenses that will end within the notice period and that nothing renews are
 * announced (LicenseExpiring) once per term. Each change re-reads its license under a row lock and re-checks it, so
 * however many replicas run at once, each event is published once.
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

    @Scheduled(identity = "license-expiry", every = "${licenseflow.expiry.check-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        FlowContext.clear();
        CorrelationId.set("license-expiry:" + UUID.randomUUID());
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
     * Applies {@code change} to each license the query finds whose locked, fresh row still satisfies {@code stillDue};
     * one transaction per license, so that a failure costs one change and the next run retries it.
     */
    private Uni<Integer> each(String where, Predicate<License> stillDue, Change change) {
        Instant now = now();
        Map<String, Object> parameters = Map.of("active", LicenseStatus.ACTIVE, "subscription", LicenseDuration.Kind.SUBSCRIPTION,
                "now", now, "horizon", now.plus(noticeBefore));
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
                    var query = session.createSelectionQuery("select l.id from License l where " + where, UUID.class);
                    parameters.forEach((name, value) -> {
                        if (where.contains(":" + name)) {
                            query.setParameter(name, value);
                        }
                    });
                    return query.setMaxResults(BATCH).getResultList();
                }))
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(() -> License.<License>findById(id, LockModeType.PESSIMISTIC_WRITE)
                                .chain(license -> {
                                    if (license == null || !stillDue.test(license)) {
                                        return Uni.createFrom().item(0);
                                    }
                                    FlowContext.put(FlowContext.LICENSE, license.id);
                                    FlowContext.put(FlowContext.ACCOUNT, license.accountId);
                                    return change.apply(license).replaceWith(1);
                                })))
                        .collect().asList().map(done -> done.stream().mapToInt(Integer::intValue).sum()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
