package io.licenseflow.notification.template;

/** A notice ready to send: its subject, plain-text and HTML parts. */
public record RenderedNotice(String subject, String text, String html) {
}
