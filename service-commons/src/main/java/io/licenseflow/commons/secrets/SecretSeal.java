package io.licenseflow.commons.secrets;

import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * A secret at rest: a compact JWE (dir, A256GCM) under one of the service's 32-byte secrets, bound to its owner through
 * a protected header (authenticated by GCM), so that a sealed value copied onto another owner does not open.
 */
public final class SecretSeal {

    private final SecretKeySpec key;
    private final String ownerHeader;

    /** {@code base64Secret} is the value of the setting {@code setting}, named in the error when it is not 32 bytes. */
    public SecretSeal(String base64Secret, String setting, String ownerHeader) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Secret);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 random bytes (base64)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.ownerHeader = ownerHeader;
    }

    public String seal(String secret, String owner) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setHeader(ownerHeader, owner);
            jwe.setKey(key);
            jwe.setPayload(secret);
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot seal a secret of " + owner, e);
        }
    }

    /** The secret sealed for {@code owner}; throws when it does not open under this secret or belongs to another owner. */
    public String open(String sealed, String owner) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT));
            jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            jwe.setCompactSerialization(sealed);
            jwe.setKey(key);
            String payload = jwe.getPayload();
            if (!owner.equals(jwe.getHeader(ownerHeader))) {
                throw new IllegalStateException("the sealed secret of " + owner + " belongs to another " + ownerHeader);
            }
            return payload;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot open the sealed secret of " + owner, e);
        }
    }
}
