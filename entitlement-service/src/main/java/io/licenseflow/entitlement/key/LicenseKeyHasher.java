package io.licenseflow.entitlement.key;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys are stored only as HMAC-SHA256 under a secret from configuration: a copy of the database alone does not let
 * anyone test guesses offline, and a lookup by key is one indexed equality.
 */
@ApplicationScoped
public class LicenseKeyHasher {

    private final SecretKeySpec secret;

    public LicenseKeyHasher(KeySecrets secrets) {
        byte[] bytes = Base64.getDecoder().decode(secrets.hashSecret());
        if (bytes.length < 32) {
            throw new IllegalStateException("licenseflow.keys.hash-secret must be at least 32 random bytes (base64)");
        }
        this.secret = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String hash(LicenseKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(key.canonical().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
