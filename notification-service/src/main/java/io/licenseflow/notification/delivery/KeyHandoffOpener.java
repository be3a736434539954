package io.licenseflow.notification.delivery;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Opens a license key's hand-off (LicenseKeyIssued.encryptedKey, a compact JWE with ECDH-ES+A256KW and A256GCM) with
 * this service's private key, only when a notice carrying it is sent: the key exists in clear in memory for that send
 * alone, never in the database or a log. A hand-off made for another license (its protected {@code license} header) or
 * another key ({@code kid}) is refused.
 */
@Startup
@ApplicationScoped
public class KeyHandoffOpener {

    private final EllipticCurveJsonWebKey key;

    public KeyHandoffOpener(@ConfigProperty(name = "licenseflow.keys.handoff-private-jwk") String jwk) {
        try {
            // Checked at start-up: a key that cannot open hand-offs would otherwise fail every key notice.
            if (!(JsonWebKey.Factory.newJwk(jwk) instanceof EllipticCurveJsonWebKey ec) || !EllipticCurves.P_256.equals(ec.getCurveName())
                    || ec.getKeyId() == null || ec.getPrivateKey() == null) {
                throw new IllegalStateException("licenseflow.keys.handoff-private-jwk must be an EC P-256 JWK with its kid and private part");
            }
            this.key = ec;
        } catch (JoseException e) {
            throw new IllegalStateException("licenseflow.keys.handoff-private-jwk is not a JWK");
        }
    }

    public String open(String compactJwe, UUID licenseId) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW));
            jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            jwe.setCompactSerialization(compactJwe);
            if (!key.getKeyId().equals(jwe.getKeyIdHeaderValue())) {
                throw new IllegalArgumentException("the hand-off is for key " + jwe.getKeyIdHeaderValue() + ", not " + key.getKeyId());
            }
            if (!licenseId.toString().equals(jwe.getHeader("license"))) {
                throw new IllegalArgumentException("the hand-off is for another license");
            }
            jwe.setKey(key.getPrivateKey());
            return jwe.getPayload();
        } catch (JoseException e) {
            // The exception's message says nothing of the key; its cause chain is not kept.
            throw new IllegalArgumentException("the hand-off cannot be opened: " + e.getClass().getSimpleName());
        }
    }
}
