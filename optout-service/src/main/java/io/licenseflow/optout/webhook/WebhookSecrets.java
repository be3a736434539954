package io.licenseflow.optout.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.licenseflow.commons.secrets.SecretSeal;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Endpoint secrets ({@code whsec_} and 32 random bytes in base64, as Standard Webhooks has them): shown once when made,
 * kept sealed, and used to sign each delivery. After a rotation the previous secret signs too, for a while, so that a
 * receiver can switch without dropping a delivery ({@code webhook-signature} then carries both, space-separated).
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretSeal seal;

    public WebhookSecrets(@ConfigProperty(name = "licenseflow.webhooks.seal-secret") String sealSecret) {
        this.seal = new SecretSeal(sealSecret, "licenseflow.webhooks.seal-secret", "endpoint");
    }

    public String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    public String seal(String secret, UUID endpointId) {
        return seal.seal(secret, endpointId.toString());
    }

    /** The {@code webhook-signature} header's value for one attempt. */
    public String signature(DueDelivery delivery, long timestamp) {
        List<String> sealed = new ArrayList<>(List.of(delivery.secretSealed()));
        if (delivery.previousSecretSealed() != null && delivery.previousSecretUntil() != null
                && delivery.previousSecretUntil().isAfter(Instant.now())) {
            sealed.add(delivery.previousSecretSealed());
        }
        List<String> signatures = new ArrayList<>();
        for (String secret : sealed) {
            try {
                signatures.add(new Webhook(seal.open(secret, delivery.endpointId().toString())).sign(delivery.messageId(), timestamp, delivery.body()));
            } catch (WebhookSigningException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
                throw new IllegalStateException("cannot sign delivery " + delivery.id(), e);
            }
        }
        return String.join(" ", signatures);
    }
}
