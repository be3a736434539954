package io.licenseflow.testing;

import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Opens license-key hand-offs (LicenseKeyIssued) as notification-service does, with the private half of the local
 * development hand-off key pair (entitlement-service's default licenseflow.keys.handoff-recipient-jwk is its public half).
 * A development key: it protects nothing outside a developer's machine.
 */
public final class TestKeys {

    public static final String HANDOFF_PRIVATE_JWK = "{\"kty\":\"EC\",\"kid\":\"notification-handoff-dev-1\",\"use\":\"enc\",\"crv\":\"P-256\","
            + "\"x\":\"cyIWB7ZuABC-R5nrhvj3CqgKXT2KeO3TMs5f7N6AIvg\",\"y\":\"ZvOJGCFRoOuJm2Ndy0J5NVs3IxGjJsQ62UNHXnw5TvY\","
            + "\"d\":\"U-2aylcPNZ3nTqPxsl3sz1yomXQwckcMJ8Uz6HS9ZaU\"}";

    private TestKeys() {
    }

    /** The license key inside an encryptedKey of LicenseKeyIssued. */
    public static String openHandoff(String compactJwe) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setCompactSerialization(compactJwe);
            jwe.setKey(((PublicJsonWebKey) JsonWebKey.Factory.newJwk(HANDOFF_PRIVATE_JWK)).getPrivateKey());
            return jwe.getPayload();
        } catch (JoseException e) {
            throw new IllegalStateException("not a hand-off for the development key", e);
        }
    }

    /**
     * A string shaped like a license key ({@code LF-} and seven groups of four Crockford base32 characters), for tests that
     * hand keys off without entitlement-service. Its check character is not computed: entitlement-service would not
     * accept it. The end-to-end leak scan looks for it like any issued key.
     */
    public static String keyShaped() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder key = new StringBuilder("LF");
        for (int i = 0; i < 28; i++) {
            if (i % 4 == 0) {
                key.append('-');
            }
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    /** A hand-off of {@code key} for {@code licenseId}, made as entitlement-service makes it (for the development key). */
    public static String handoff(String key, java.util.UUID licenseId) {
        try {
            PublicJsonWebKey recipient = (PublicJsonWebKey) JsonWebKey.Factory.newJwk(HANDOFF_PRIVATE_JWK);
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(org.jose4j.jwe.KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW);
            jwe.setEncryptionMethodHeaderParameter(org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setKeyIdHeaderValue(recipient.getKeyId());
            jwe.setHeader("license", licenseId.toString());
            jwe.setKey(recipient.getPublicKey());
            jwe.setPayload(key);
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header of the hand-off's JWE, e.g. "license". */
    public static String handoffHeader(String compactJwe, String name) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setCompactSerialization(compactJwe);
            return jwe.getHeader(name);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
