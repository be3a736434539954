package io.licenseflow.portal.session;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key behind the forms' CSRF tokens: derived from {@code licenseflow.portal.session-secret} (which also encrypts the
 * session cookie), so that every replica accepts what another one rendered; a random one per start when unset.
 */
/** Checked at start-up: a too-short secret stops the portal rather than its first page. */
@Startup
@ApplicationScoped
public class SessionSecret {

    private final byte[] key;

    public SessionSecret(@ConfigProperty(name = "licenseflow.portal.session-secret") Optional<String> secret) {
        if (secret.isPresent() && !secret.get().isBlank()) {
            if (secret.get().length() < 32) {
                throw new IllegalStateException("licenseflow.portal.session-secret (LF_PORTAL_SESSION_SECRET) must be at least 32 characters");
            }
            this.key = hmac(secret.get().getBytes(StandardCharsets.UTF_8), "licenseflow-portal-csrf");
        } else {
            this.key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
    }

    byte[] sign(String text) {
        return hmac(key, text);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
