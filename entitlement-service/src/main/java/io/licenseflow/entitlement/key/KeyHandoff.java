package io.licenseflow.entitlement.key;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Hands an issued key to the one service that sends it to the customer, encrypted for that service alone: a compact
 * JWE with ECDH-ES+A256KW and A256GCM under its public key (docs/events.md, LicenseKeyIssued). The license id is in
 * the protected header, so a hand-off cannot be replayed for another license.
 */
@Startup
@ApplicationScoped
public class KeyHandoff {

    private final PublicJsonWebKey recipient;
    private final String recipientName;

    public KeyHandoff(KeySecrets secrets) {
        try {
            JsonWebKey jwk = JsonWebKey.Factory.newJwk(secrets.handoffRecipientJwk());
            // Checked at start-up: a key that cannot be used would otherwise fail every issuance in the consumer.
            if (!(jwk instanceof EllipticCurveJsonWebKey key) || !EllipticCurves.P_256.equals(key.getCurveName()) || key.getKeyId() == null
                    || key.getPrivateKey() != null) {
                throw new IllegalStateException("licenseflow.keys.handoff-recipient-jwk must be the recipient's public EC P-256 JWK, "
                        + "with a kid and without its private part");
            }
            this.recipient = key;
            this.recipientName = secrets.handoffRecipient();
        } catch (JoseException e) {
            throw new IllegalStateException("licenseflow.keys.handoff-recipient-jwk is not a JWK", e);
        }
    }

    public String recipient() {
        return recipientName;
    }

    public String encrypt(LicenseKey key, UUID licenseId) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setKeyIdHeaderValue(recipient.getKeyId());
            jwe.setHeader("license", licenseId.toString());
            jwe.setKey(recipient.getPublicKey());
            jwe.setPayload(key.display());
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot encrypt a license key for " + recipientName, e);
        }
    }
}
