package io.licenseflow.notification.notice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One notice and what became of it: the delivery log. Created, queued, in the transaction that consumed its triggering
 * event (at most one per event and template); then sent, failed, or suppressed by an opt-out.
 */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String SUPPRESSED = "suppressed";
    /** What a queued notice may wait for ({@link #waitingFor}). */
    public static final String WAITING_FOR_RECIPIENT = "recipient";
    public static final String WAITING_FOR_LICENSE = "license";

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "license_id")
    public UUID licenseId;

    @Column(nullable = false)
    public String template;

    @Column(name = "template_version", nullable = false)
    public int templateVersion;

    @Column(nullable = false)
    public String category;

    @Column(name = "trigger_event_id", nullable = false)
    public UUID triggerEventId;

    @Column(name = "trigger_event_type", nullable = false)
    public String triggerEventType;

    @Column(name = "triggered_at", nullable = false)
    public Instant triggeredAt;

    /** The triggering event's payload as published (a key notice's key only as its encrypted hand-off). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trigger_payload", nullable = false, columnDefinition = "jsonb")
    public String triggerPayload;

    @Column(name = "resend_of")
    public UUID resendOf;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "recipient_override")
    public String recipientOverride;

    @Column
    public String recipient;

    @Column
    public String locale;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "retry_until", nullable = false)
    public Instant retryUntil;

    /** What a queued notice waits for ({@code recipient}, {@code license}); null when it is due or closed. */
    @Column(name = "waiting_for")
    public String waitingFor;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "smtp_reply_code")
    public Integer smtpReplyCode;

    @Column(name = "optout_decision")
    public String optOutDecision;

    @Column(name = "optout_subject")
    public String optOutSubject;

    @Column(name = "optout_version")
    public Long optOutVersion;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
