package io.licenseflow.notification.crm;

import io.licenseflow.commons.outbox.Outbox;
import io.licenseflow.commons.retry.RetrySchedule;
import io.licenseflow.commons.work.DueWorkLoop;
import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.crm.CrmAccountRecord;
import io.licenseflow.events.crm.CrmSyncDeadLettered;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pushes pending accounts to their connectors: claims one at a time (FOR UPDATE SKIP LOCKED, with a lease for that push:
 * replicas share the work, and one account's pushes to a connector never run side by side or out of order), builds the
 * account's current record and pushes it. Success marks it synced (or pending again, if it changed meanwhile); a transient
 * failure is retried with back-off (at least the CRM's {@code Retry-After}) within the account's window; a permanent
 * refusal or the window's end marks it dead and publishes {@code CrmSyncDeadLettered} to the dead-letter topic.
 */
@ApplicationScoped
public class CrmSyncDispatcher {

    private static final Logger LOG = Logger.getLogger(CrmSyncDispatcher.class);
    /** One account's sync at a time: its lease covers its own push only, so no other replica takes it over meanwhile. */
    private static final String CLAIM = """
            WITH due AS (
                SELECT account_id, connector FROM crm_sync WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE crm_sync c SET next_attempt_at = now() + make_interval(secs => $1) FROM due
            WHERE c.account_id = due.account_id AND c.connector = due.connector
            RETURNING c.account_id, c.connector, c.version, c.pending_since, c.attempts, c.retry_until""";
    private static final String SYNCED = """
            UPDATE crm_sync SET status = CASE WHEN version = :version THEN 'synced' ELSE 'pending' END, synced_version = :version,
                synced_at = now(), attempts = 0, last_error = NULL, last_http_status = NULL, next_attempt_at = now(),
                pending_since = CASE WHEN version = :version THEN NULL ELSE pending_since END
            WHERE account_id = :account AND connector = :connector""";
    private static final String RETRY = """
            UPDATE crm_sync SET attempts = :attempts, last_error = :error, last_http_status = :status, next_attempt_at = :next
            WHERE account_id = :account AND connector = :connector""";
    private static final String DEAD = """
            UPDATE crm_sync SET status = 'dead', attempts = :attempts, last_error = :error, last_http_status = :status
            WHERE account_id = :account AND connector = :connector AND version = :version""";

    private record Due(UUID accountId, String connector, long version, Instant pendingSince, int attempts, Instant retryUntil) {
    }

    private final Pool pool;
    private final CrmConnectors connectors;
    private final CrmRecords records;
    private final Outbox outbox;
    private final RetrySchedule retries;
    private final CrmSettings settings;
    private final MeterRegistry metrics;
    private final DueWorkLoop loop;

    public CrmSyncDispatcher(Pool pool, Vertx vertx, CrmConnectors connectors, CrmRecords records, Outbox outbox, CrmSettings settings,
            MeterRegistry metrics) {
        this.pool = pool;
        this.connectors = connectors;
        this.records = records;
        this.outbox = outbox;
        this.settings = settings;
        this.retries = new RetrySchedule(settings.firstRetry(), settings.maxRetryInterval(), settings.giveUpAfter());
        this.metrics = metrics;
        this.loop = new DueWorkLoop(vertx, "CRM sync", this::syncBatch);
        // Every connector's series from the start, at zero: the first dead letter after a start counts in increase().
        for (String connector : connectors.names()) {
            for (String outcome : new String[] {"synced", "retried", "dead"}) {
                metrics.counter("licenseflow.crm.sync", "connector", connector, "outcome", outcome);
            }
            lagTimer(connector);
        }
    }

    private Timer lagTimer(String connector) {
        return Timer.builder("licenseflow.crm.sync.lag").description("From an account's oldest unsynced change to its record's acceptance by the CRM")
                .tag("connector", connector).publishPercentileHistogram().register(metrics);
    }

    @Scheduled(every = "${licenseflow.crm.poll:5s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!connectors.names().isEmpty()) {
            kick();
        }
    }

    public void kick() {
        loop.kick();
    }

    void markQueued() {
        loop.markQueued();
    }

    void kickIfQueued() {
        loop.kickIfQueued();
    }

    private Uni<Integer> syncBatch() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(settings.timeout().toSeconds() * 4 + 10)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(0);
            }
            Row r = rows.iterator().next();
            return sync(new Due(r.getUUID("account_id"), r.getString("connector"), r.getLong("version"), instant(r.getOffsetDateTime("pending_since")),
                    r.getInteger("attempts"), instant(r.getOffsetDateTime("retry_until")))).replaceWith(1);
        });
    }

    private Uni<Void> sync(Due due) {
        CrmConnector connector = connectors.get(due.connector());
        if (connector == null) {
            return Uni.createFrom().voidItem(); // a connector no longer enabled: its rows wait until it is again
        }
        return Panache.withSession(() -> records.current(due.accountId())).chain(record -> connector.push(record)
                .onItemOrFailure().transformToUni((ok, failure) -> failure == null ? synced(due) : failed(due, record, failure)))
                .onFailure().invoke(e -> LOG.warnf("CRM sync of %s to %s: %s (retried after its lease)", due.accountId(), due.connector(), e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> synced(Due due) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(SYNCED)
                .setParameter("version", due.version()).setParameter("account", due.accountId()).setParameter("connector", due.connector()).executeUpdate()))
                .invoke(() -> {
                    count(due.connector(), "synced");
                    if (due.pendingSince() != null) {
                        lagTimer(due.connector()).record(Duration.between(due.pendingSince(), Instant.now()));
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> failed(Due due, CrmAccountRecord record, Throwable failure) {
        CrmRefusal refusal = failure instanceof CrmRefusal r ? r : new CrmRefusal(null, failure.toString(), false, null);
        int attempts = due.attempts() + 1;
        Duration delay = retries.delayAfter(attempts);
        if (refusal.retryAfter() != null && refusal.retryAfter().compareTo(delay) > 0) {
            delay = refusal.retryAfter();
        }
        Instant next = Instant.now().plus(delay).truncatedTo(ChronoUnit.MICROS);
        if (!refusal.permanent() && !next.isAfter(due.retryUntil())) {
            count(due.connector(), "retried");
            return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(RETRY)
                    .setParameter("attempts", attempts).setParameter("error", refusal.getMessage()).setParameter("status", refusal.httpStatus())
                    .setParameter("next", next).setParameter("account", due.accountId()).setParameter("connector", due.connector()).executeUpdate()))
                    .replaceWithVoid();
        }
        String reason = refusal.permanent() ? refusal.getMessage() : "gave up after " + attempts + " attempts: " + refusal.getMessage();
        LOG.warnf("CRM sync of account %s to %s is dead: %s", due.accountId(), due.connector(), reason);
        count(due.connector(), "dead");
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(DEAD)
                .setParameter("attempts", attempts).setParameter("error", truncate(reason)).setParameter("status", refusal.httpStatus())
                .setParameter("account", due.accountId()).setParameter("connector", due.connector()).setParameter("version", due.version()).executeUpdate())
                .chain(updated -> updated == 0 ? retryChanged(due, attempts, refusal)
                        : outbox.publish(AggregateTypes.CRM_DEAD_LETTER, due.accountId().toString(), CrmSyncDeadLettered.TYPE,
                                CrmSyncDeadLettered.SCHEMA_VERSION, new CrmSyncDeadLettered(due.accountId(), due.connector(), refusal.permanent(),
                                        refusal.httpStatus(), truncate(reason), attempts, record, Instant.now())).replaceWithVoid()));
    }

    /** The account changed while its push failed for good: the newer record gets its own chance. */
    private Uni<Void> retryChanged(Due due, int attempts, CrmRefusal refusal) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RETRY).setParameter("attempts", attempts)
                .setParameter("error", refusal.getMessage()).setParameter("status", refusal.httpStatus()).setParameter("next", Instant.now())
                .setParameter("account", due.accountId()).setParameter("connector", due.connector()).executeUpdate()).replaceWithVoid();
    }

    private void count(String connector, String outcome) {
        metrics.counter("licenseflow.crm.sync", "connector", connector, "outcome", outcome).increment();
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
