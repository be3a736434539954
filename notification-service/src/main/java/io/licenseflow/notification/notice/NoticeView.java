package io.licenseflow.notification.notice;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notice in the delivery log, as the API shows it (never the triggering event's payload: a key notice's holds the hand-off). */
@Schema(name = "Notice", description = "One notice and what became of it")
public record NoticeView(
        UUID id,
        UUID accountId,
        UUID licenseId,
        @Schema(examples = "license-details") String template,
        @Schema(examples = "1") int templateVersion,
        @Schema(enumeration = {"transactional", "lifecycle"}) String category,
        UUID triggerEventId,
        @Schema(examples = "LicenseKeyIssued") String triggerEventType,
        Instant triggeredAt,
        @Schema(description = "Where it went (null until it was sent or failed)") String recipient,
        @Schema(examples = "de") String locale,
        @Schema(enumeration = {"queued", "sent", "failed", "suppressed"}) String status,
        int attempts,
        @Schema(description = "When a queued notice is tried next") Instant nextAttemptAt,
        @Schema(description = "The last failure: an SMTP reply, a lost connection, or what the notice waits for") String lastError,
        Integer smtpReplyCode,
        OptOutDecision optOut,
        @Schema(description = "The Message-ID it was sent with") String messageId,
        @Schema(description = "The notice this one sends again") UUID resendOf,
        String requestedBy,
        Instant createdAt,
        Instant sentAt,
        Instant closedAt) {

    /** What the opt-out check decided and the state version it saw (null until the notice was composed). */
    @Schema(name = "NoticeOptOutDecision")
    public record OptOutDecision(@Schema(enumeration = {"not-applicable", "allowed", "suppressed"}) String decision,
            @Schema(examples = "0b7e…:account:0b7e…") String subject, long version) {
    }

    public static NoticeView of(Notice n) {
        return new NoticeView(n.id, n.accountId, n.licenseId, n.template, n.templateVersion, n.category, n.triggerEventId, n.triggerEventType,
                n.triggeredAt, n.recipient, n.locale, n.status, n.attempts, Notice.QUEUED.equals(n.status) ? n.nextAttemptAt : null, n.lastError,
                n.smtpReplyCode, n.optOutDecision == null ? null : new OptOutDecision(n.optOutDecision, n.optOutSubject, n.optOutVersion),
                n.messageId, n.resendOf, n.requestedBy, n.createdAt, n.sentAt, n.closedAt);
    }
}
