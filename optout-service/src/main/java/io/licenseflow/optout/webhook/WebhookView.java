package io.licenseflow.optout.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint as the API shows it; {@code secret} only in the answer that made it (creation or rotation). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, @Schema(description = "null: every account's changes") UUID account,
        @Schema(description = "null: every purpose") String purpose, String url, String description, boolean enabled, String disabledReason,
        Instant createdAt, String createdBy, Instant updatedAt,
        @Schema(description = "whsec_…: verify deliveries with it; shown once") String secret,
        @Schema(description = "After a rotation: until when the previous secret signs too") Instant previousSecretValidUntil) {

    static WebhookView of(WebhookEndpoint e) {
        return withSecret(e, null);
    }

    static WebhookView withSecret(WebhookEndpoint e, String secret) {
        return new WebhookView(e.id, e.accountId, e.purpose, e.url, e.description, e.enabled, e.disabledReason, e.createdAt, e.createdBy,
                e.updatedAt, secret, e.previousSecretUntil);
    }
}
