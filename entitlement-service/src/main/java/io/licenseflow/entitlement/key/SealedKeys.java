package io.licenseflow.entitlement.key;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.lang.JoseException;

/**
 * The copy of a key kept for its one-time reveal to an operator: a JWE (dir, A256GCM) under the seal secret, bound to
 * its license id (a sealed key copied onto another license does not open). The reveal erases it.
 */
@ApplicationScoped
public class SealedKeys {

    private static final String LICENSE_HEADER = "license";
    private final SecretKeySpec key;

    public SealedKeys(KeySecrets secrets) {
        byte[] bytes = Base64.getDecoder().decode(secrets.sealSecret());
        if (bytes.length != 32) {
            throw new IllegalStateException("licenseflow.keys.seal-secret must be 32 random bytes (base64)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(LicenseKey licenseKey, UUID licenseId) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setHeader(LICENSE_HEADER, licenseId.toString());
            jwe.setKey(key);
            jwe.setPayload(licenseKey.canonical());
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot seal a license key", e);
        }
    }

    public LicenseKey open(String sealed, UUID licenseId) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT));
            jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            jwe.setCompactSerialization(sealed);
            jwe.setKey(key);
            String payload = jwe.getPayload();
            if (!licenseId.toString().equals(jwe.getHeader(LICENSE_HEADER))) {
                throw new IllegalStateException("the sealed key of license " + licenseId + " belongs to another license");
            }
            return LicenseKey.parse(payload).orElseThrow(() -> new IllegalStateException("a sealed key does not hold a license key"));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot open the sealed key of license " + licenseId, e);
        }
    }
}
