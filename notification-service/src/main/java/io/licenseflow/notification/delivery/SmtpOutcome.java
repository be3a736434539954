package io.licenseflow.notification.delivery;

import io.vertx.ext.mail.SMTPException;

/**
 * How a failed send is treated: a 5xx reply is permanent (the server will not take this message, retrying changes
 * nothing); a 4xx reply, a refused or lost connection or a timeout is transient and retried.
 */
public record SmtpOutcome(boolean permanent, Integer replyCode, String reason) {

    public static SmtpOutcome of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                String reply = smtp.getReplyMessage();
                String reason = reply != null && reply.startsWith(Integer.toString(smtp.getReplyCode())) ? reply : smtp.getReplyCode() + " " + reply;
                return new SmtpOutcome(smtp.isPermanent(), smtp.getReplyCode(), truncate(reason));
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new SmtpOutcome(false, null, truncate(root.getClass().getSimpleName() + ": " + root.getMessage()));
    }

    static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
