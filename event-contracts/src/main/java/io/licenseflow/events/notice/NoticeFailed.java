package io.licenseflow.events.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code NoticeFailed} v1 (topic licenseflow.notice.events, keyed by account): notification-service gave up
 * on a notice. {@code permanent} when the mail server refused it for good (an SMTP 5xx reply, {@code smtpReplyCode}) or
 * it cannot be sent at all (its key hand-off does not open, its template does not render; {@code smtpReplyCode} null);
 * not when retries on transient errors, or the wait for its recipient or license, ran out.
 * {@code triggerEventId} is the event the notice was for.
 */
public record NoticeFailed(UUID noticeId, UUID accountId, UUID licenseId, String template, int templateVersion, UUID triggerEventId,
        String triggerEventType, String recipient, boolean permanent, Integer smtpReplyCode, String reason, int attempts, Instant failedAt) {

    public static final String TYPE = "NoticeFailed";
    public static final int SCHEMA_VERSION = 1;
}
