package io.licenseflow.notification.notice;

import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.licenseflow.notification.delivery.NoticeDispatcher;
import io.licenseflow.notification.template.NoticeTemplate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues notices. Called inside the transaction that marks the triggering event processed, so a notice exists once per
 * event and template however often Kafka delivers it (and the unique index says so again).
 */
@ApplicationScoped
public class NoticeQueue {

    /**
     * Every queued notice of the account or license, not only those marked waiting: a dispatcher parking one holds its
     * row lock, so the wake waits for it and then applies (NoticeDispatcher#waitFor).
     */
    private static final String WAKE = "UPDATE notice SET next_attempt_at = now(), waiting_for = NULL WHERE status = 'queued' AND ";

    private final NoticeDispatcher dispatcher;
    private final Duration giveUpAfter;

    public NoticeQueue(NoticeDispatcher dispatcher, @ConfigProperty(name = "licenseflow.notices.give-up-after") Duration giveUpAfter) {
        this.dispatcher = dispatcher;
        this.giveUpAfter = giveUpAfter;
    }

    public Uni<Void> enqueue(EventEnvelope trigger, NoticeTemplate template, UUID accountId, UUID licenseId) {
        Notice notice = newNotice(template, template.currentVersion(), accountId, licenseId);
        notice.triggerEventId = trigger.id();
        notice.triggerEventType = trigger.type();
        notice.triggeredAt = trigger.occurredAt();
        notice.triggerPayload = json(trigger);
        dispatcher.markQueued();
        return notice.persist().replaceWithVoid();
    }

    /** A copy of {@code original} to send again (same template version and trigger), to its recipient or to {@code to}. */
    public Uni<Notice> resend(Notice original, String to, String requestedBy) {
        Notice notice = newNotice(NoticeTemplate.byId(original.template).orElseThrow(), original.templateVersion, original.accountId, original.licenseId);
        notice.triggerEventId = original.triggerEventId;
        notice.triggerEventType = original.triggerEventType;
        notice.triggeredAt = original.triggeredAt;
        notice.triggerPayload = original.triggerPayload;
        notice.resendOf = original.id;
        notice.recipientOverride = to;
        notice.requestedBy = requestedBy;
        dispatcher.markQueued();
        return notice.persist().replaceWith(notice);
    }

    /** The account's contact is known now: its waiting notices are due (call in the transaction that recorded it). */
    public Uni<Void> recipientKnown(UUID accountId) {
        return wake("account_id = :id", accountId);
    }

    /** The license's details are known now: its waiting notices are due. */
    public Uni<Void> licenseKnown(UUID licenseId) {
        return wake("license_id = :id", licenseId);
    }

    private Uni<Void> wake(String condition, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(WAKE + condition).setParameter("id", id).executeUpdate())
                .invoke(woken -> {
                    if (woken > 0) {
                        dispatcher.markQueued();
                    }
                }).replaceWithVoid();
    }

    /** Call after the transaction committed: sends at once what it queued or woke (nothing happens for other events). */
    public void queued() {
        dispatcher.kickIfQueued();
    }

    private Notice newNotice(NoticeTemplate template, int version, UUID accountId, UUID licenseId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.accountId = accountId;
        notice.licenseId = licenseId;
        notice.template = template.id();
        notice.templateVersion = version;
        notice.category = template.category().id();
        notice.status = Notice.QUEUED;
        notice.nextAttemptAt = now;
        notice.retryUntil = now.plus(giveUpAfter);
        notice.createdAt = now;
        return notice;
    }

    private static String json(EventEnvelope trigger) {
        try {
            return EventJson.MAPPER.writeValueAsString(trigger.payload());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
