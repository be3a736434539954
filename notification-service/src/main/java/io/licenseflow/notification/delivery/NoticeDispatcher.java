package io.licenseflow.notification.delivery;

import io.licenseflow.commons.outbox.Outbox;
import io.licenseflow.commons.retry.RetrySchedule;
import io.licenseflow.commons.work.DueWorkLoop;
import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.notice.NoticeFailed;
import io.licenseflow.notification.account.Recipient;
import io.licenseflow.notification.license.LicenseSnapshot;
import io.licenseflow.notification.license.LicenseTypeName;
import io.licenseflow.notification.notice.Notice;
import io.licenseflow.notification.template.Brand;
import io.micrometer.core.instrument.MeterRegistry;
import io.licenseflow.notification.template.NoticeTemplate;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due notices over SMTP. Claims one notice at a time (FOR UPDATE SKIP LOCKED, with a lease sized for one send, so
 * replicas share the work and a replica that dies mid-send leaves nothing stuck), composes it, sends it, and records
 * what happened: sent; suppressed by an opt-out; parked until its recipient or license is known; retried on the
 * {@link RetrySchedule} after a transient error (4xx, no connection, a timeout); failed after a permanent refusal (5xx),
 * an unsendable notice or the last retry, which also publishes {@code NoticeFailed}. Runs every
 * {@code licenseflow.notices.poll} and at once when notices were queued. Each message's Message-ID is derived from the
 * notice, so a send repeated after a crash between the server's acceptance and the record, or after a server that
 * accepted only once the send timed out, carries the same id.
 */
@ApplicationScoped
public class NoticeDispatcher {

    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class);
    /** One notice at a time: its lease covers its own send only, so no other replica takes it over meanwhile. */
    private static final String CLAIM = """
            WITH due AS (
                SELECT id FROM notice WHERE status = 'queued' AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE notice n SET next_attempt_at = now() + make_interval(secs => $1) FROM due WHERE n.id = due.id
            RETURNING n.id""";

    private final Pool pool;
    private final NoticeComposer composer;
    private final ReactiveMailer mailer;
    private final Outbox outbox;
    private final RetrySchedule retries;
    private final Brand brand;
    private final Duration sendTimeout;
    private final MeterRegistry metrics;
    private final DueWorkLoop loop;

    public NoticeDispatcher(Pool pool, Vertx vertx, NoticeComposer composer, ReactiveMailer mailer, Outbox outbox, Brand brand, MeterRegistry metrics,
            @ConfigProperty(name = "licenseflow.notices.send-timeout") Duration sendTimeout,
            @ConfigProperty(name = "licenseflow.notices.first-retry") Duration firstRetry,
            @ConfigProperty(name = "licenseflow.notices.max-retry-interval") Duration maxRetryInterval,
            @ConfigProperty(name = "licenseflow.notices.give-up-after") Duration giveUpAfter) {
        this.pool = pool;
        this.composer = composer;
        this.mailer = mailer;
        this.outbox = outbox;
        this.retries = new RetrySchedule(firstRetry, maxRetryInterval, giveUpAfter);
        this.brand = brand;
        this.metrics = metrics;
        this.sendTimeout = sendTimeout;
        this.loop = new DueWorkLoop(vertx, "notice dispatch", this::dispatchBatch);
        // Every template's series from the start, at zero: the first failure after a start then counts in increase().
        for (NoticeTemplate template : NoticeTemplate.values()) {
            for (String outcome : OUTCOMES) {
                metrics.counter("licenseflow.notices", "template", template.id(), "outcome", outcome);
            }
            deliveryTimer(template.id());
        }
    }

    /** suppressed (opted out), sent, retried (a transient SMTP error), waiting (for the recipient's data), failed. */
    private static final List<String> OUTCOMES = List.of("suppressed", "sent", "retried", "waiting", "failed");

    private Timer deliveryTimer(String template) {
        return Timer.builder("licenseflow.notice.delivery").description("From a notice's triggering event to its acceptance by the mail server")
                .tag("template", template).publishPercentileHistogram().register(metrics);
    }

    @Scheduled(every = "${licenseflow.notices.poll}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    /** Send now rather than at the next poll. */
    public void kick() {
        loop.kick();
    }

    /** A notice was queued or woken in the transaction running on this context (see {@link DueWorkLoop#markQueued()}). */
    public void markQueued() {
        loop.markQueued();
    }

    /** After the commit: send what this context queued now. */
    public void kickIfQueued() {
        loop.kickIfQueued();
    }

    private Uni<Integer> dispatchBatch() {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(sendTimeout.toSeconds() * 2 + 10)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(0);
            }
            return dispatch(rows.iterator().next().getUUID("id")).replaceWith(1);
        });
    }

    private Uni<Void> dispatch(UUID id) {
        return Panache.withSession(() -> Notice.<Notice>findById(id).chain(notice -> notice == null || !Notice.QUEUED.equals(notice.status)
                        ? Uni.createFrom().nullItem() : facts(notice)))
                .chain(facts -> facts == null ? Uni.createFrom().voidItem() : deliver(facts))
                .onFailure().invoke(e -> LOG.warnf("notice %s: %s (retried after its lease)", id, e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<NoticeFacts> facts(Notice notice) {
        Uni<LicenseSnapshot> license = notice.licenseId == null ? Uni.createFrom().nullItem() : LicenseSnapshot.findById(notice.licenseId);
        return Recipient.<Recipient>findById(notice.accountId).chain(recipient -> license.chain(snapshot -> snapshot == null
                ? Uni.createFrom().item(new NoticeFacts(notice, recipient, null, null))
                : LicenseTypeName.<LicenseTypeName>findById(snapshot.licenseType)
                        .map(name -> new NoticeFacts(notice, recipient, snapshot, name == null ? null : name.displayName))));
    }

    private Uni<Void> deliver(NoticeFacts facts) {
        Notice notice = facts.notice();
        return switch (composer.compose(facts)) {
            case Composition.Waiting waiting -> waitFor(notice.id, waiting);
            case Composition.Deferred deferred -> defer(notice.id);
            case Composition.Unsendable unsendable -> fail(notice.id, unsendable.reason(), null, true, null);
            case Composition.Suppressed suppressed -> record(notice.id, n -> {
                n.status = Notice.SUPPRESSED;
                n.closedAt = Instant.now();
                optOut(n, suppressed.optOut());
            }).invoke(() -> count(notice.template, "suppressed"));
            case Composition.Ready ready -> send(notice, ready);
        };
    }

    private Uni<Void> send(Notice notice, Composition.Ready ready) {
        String messageId = "<" + notice.id + "@" + brand.messageIdDomain() + ">";
        Mail mail = Mail.withText(ready.to(), ready.rendered().subject(), ready.rendered().text()).setHtml(ready.rendered().html())
                .setFrom(brand.from())
                .addHeader("Message-ID", messageId)
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("Content-Language", ready.locale())
                .addHeader("X-LicenseFlow-Notice", notice.id.toString())
                .addHeader("X-LicenseFlow-Template", notice.template + "/v" + notice.templateVersion);
        if (ready.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + ready.unsubscribeUrl() + ">");
        }
        return mailer.send(mail).ifNoItem().after(sendTimeout).fail().onItemOrFailure().transformToUni((ok, failure) -> {
            if (failure == null) {
                return record(notice.id, n -> {
                    n.status = Notice.SENT;
                    n.attempts++;
                    n.recipient = ready.to();
                    n.locale = ready.locale();
                    n.messageId = messageId;
                    n.lastError = null;
                    n.smtpReplyCode = null;
                    n.sentAt = Instant.now();
                    n.closedAt = n.sentAt;
                    optOut(n, ready.optOut());
                }).invoke(() -> sent(notice));
            }
            SmtpOutcome outcome = SmtpOutcome.of(failure);
            return outcome.permanent() ? fail(notice.id, outcome.reason(), outcome.replyCode(), true, ready.to())
                    : retry(notice.id, outcome.reason(), outcome.replyCode());
        });
    }

    private void sent(Notice notice) {
        count(notice.template, "sent");
        if (notice.resendOf == null) {
            deliveryTimer(notice.template).record(Duration.between(notice.triggeredAt, Instant.now()));
        }
    }

    /** Tries again later, or gives up (failed, NoticeFailed) when the next attempt would fall after its retry window. */
    private Uni<Void> retry(UUID id, String reason, Integer replyCode) {
        return Panache.withTransaction(() -> Notice.<Notice>findById(id).chain(n -> {
            n.attempts++;
            n.waitingFor = null;
            n.lastError = SmtpOutcome.truncate(reason);
            n.smtpReplyCode = replyCode;
            Instant next = Instant.now().plus(retries.delayAfter(n.attempts)).truncatedTo(ChronoUnit.MICROS);
            if (next.isAfter(n.retryUntil)) {
                return failed(n, "gave up after " + n.attempts + " attempts: " + reason, replyCode, false, n.recipient);
            }
            n.nextAttemptAt = next;
            count(n.template, "retried");
            return Uni.createFrom().voidItem();
        }));
    }

    /**
     * Parks a notice until the event that brings what it lacks wakes it (NoticeQueue#recipientKnown, #licenseKnown),
     * without polling; at the end of its window it is due once more, and fails if it still
     * lacks it. Waiting is not an attempt. The row is locked before what it lacks is looked for again: an event that
     * brought it meanwhile is seen here, and one committing later waits for this lock and then wakes the notice.
     */
    private Uni<Void> waitFor(UUID id, Composition.Waiting waiting) {
        return Panache.withTransaction(() -> Notice.<Notice>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(n -> stillLacking(n, waiting)
                .chain(lacking -> {
                    if (!Notice.QUEUED.equals(n.status)) {
                        return Uni.createFrom().voidItem();
                    }
                    if (!lacking) {
                        n.nextAttemptAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        return Uni.createFrom().voidItem().invoke(this::kick);
                    }
                    if (!Instant.now().isBefore(n.retryUntil)) {
                        return failed(n, "gave up waiting: " + waiting.reason(), null, false, n.recipient);
                    }
                    n.waitingFor = waiting.waitingFor();
                    n.lastError = waiting.reason();
                    n.nextAttemptAt = n.retryUntil;
                    count(n.template, "waiting");
                    return Uni.createFrom().voidItem();
                })));
    }

    private static Uni<Boolean> stillLacking(Notice notice, Composition.Waiting waiting) {
        return Notice.WAITING_FOR_RECIPIENT.equals(waiting.waitingFor()) ? Recipient.count("id", notice.accountId).map(found -> found == 0)
                : LicenseSnapshot.count("id", notice.licenseId).map(found -> found == 0);
    }

    /** A lifecycle notice before this replica's opt-out view has read the state topic: tried again shortly, not an attempt. */
    private Uni<Void> defer(UUID id) {
        return Panache.withTransaction(() -> Notice.<Notice>findById(id).invoke(n -> n.nextAttemptAt = Instant.now().plusSeconds(2)))
                .replaceWithVoid();
    }

    private Uni<Void> fail(UUID id, String reason, Integer replyCode, boolean permanent, String to) {
        return Panache.withTransaction(() -> Notice.<Notice>findById(id).chain(n -> {
            n.attempts++;
            return failed(n, reason, replyCode, permanent, to);
        }));
    }

    private Uni<Void> failed(Notice n, String reason, Integer replyCode, boolean permanent, String to) {
        n.status = Notice.FAILED;
        n.waitingFor = null;
        n.lastError = SmtpOutcome.truncate(reason);
        n.smtpReplyCode = replyCode;
        n.recipient = to != null ? to : n.recipient;
        n.closedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LOG.warnf("notice %s (%s) failed after %d attempts: %s", n.id, n.template, n.attempts, n.lastError);
        count(n.template, "failed");
        return outbox.publish(AggregateTypes.NOTICE, n.accountId.toString(), NoticeFailed.TYPE, NoticeFailed.SCHEMA_VERSION,
                new NoticeFailed(n.id, n.accountId, n.licenseId, n.template, n.templateVersion, n.triggerEventId, n.triggerEventType, n.recipient,
                        permanent, replyCode, n.lastError, n.attempts, n.closedAt)).replaceWithVoid();
    }

    private Uni<Void> record(UUID id, Consumer<Notice> change) {
        return Panache.withTransaction(() -> Notice.<Notice>findById(id).invoke(change).invoke(n -> n.waitingFor = null)).replaceWithVoid();
    }

    private static void optOut(Notice notice, Composition.OptOutCheck check) {
        notice.optOutDecision = check.decision();
        notice.optOutSubject = check.subject();
        notice.optOutVersion = check.version();
    }

    private void count(String template, String outcome) {
        metrics.counter("licenseflow.notices", "template", template, "outcome", outcome).increment();
    }
}
