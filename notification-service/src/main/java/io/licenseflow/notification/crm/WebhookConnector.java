package io.licenseflow.notification.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.crm.CrmAccountRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Any CRM (or integration platform) that takes signed JSON: POSTs {@code {"type": "licenseflow.crm.account-synced",
 * "timestamp": …, "data": <CRM account record v1>}} to {@code licenseflow.crm.webhook.url}, signed per Standard Webhooks
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}) with {@code licenseflow.crm.webhook.secret},
 * so that any Standard Webhooks library verifies it.
 */
@ApplicationScoped
public class WebhookConnector implements CrmConnector {

    public static final String NAME = "webhook";
    public static final String TYPE = "licenseflow.crm.account-synced";

    private final CrmSettings.Webhook settings;
    private final CrmHttp http;

    public WebhookConnector(CrmSettings settings, CrmHttp http) {
        this.settings = settings.webhook();
        this.http = http;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkConfigured() {
        if (settings.url().isEmpty() || settings.secret().isEmpty()) {
            throw new IllegalStateException("the webhook CRM connector needs licenseflow.crm.webhook.url and licenseflow.crm.webhook.secret");
        }
        try {
            new Webhook(settings.secret().get());
        } catch (RuntimeException | EmptyWebhookSecretException e) {
            throw new IllegalStateException("licenseflow.crm.webhook.secret must be a Standard Webhooks secret (whsec_ and base64)");
        }
    }

    @Override
    public Uni<Void> push(CrmAccountRecord record) {
        Instant now = Instant.now();
        ObjectNode message = EventJson.MAPPER.createObjectNode().put("type", TYPE).put("timestamp", now.toString());
        message.set("data", EventJson.MAPPER.valueToTree(record));
        String body = message.toString();
        String id = "msg_" + UUID.randomUUID();
        try {
            String signature = new Webhook(settings.secret().orElseThrow()).sign(id, now.getEpochSecond(), body);
            return http.send("POST", settings.url().orElseThrow(), Map.of("webhook-id", id, "webhook-timestamp", Long.toString(now.getEpochSecond()),
                    "webhook-signature", signature), body).replaceWithVoid();
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            return Uni.createFrom().failure(new CrmRefusal(null, "cannot sign the message: " + e.getMessage(), true, null));
        }
    }
}
