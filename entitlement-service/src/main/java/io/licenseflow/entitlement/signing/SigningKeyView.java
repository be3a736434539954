package io.licenseflow.entitlement.signing;

import java.time.Instant;
import java.util.Map;

/**
 * A signing key as the API shows it: never its private half. {@code state}: PUBLISHED (in the JWKS, signing from
 * {@code signsFrom}), SIGNING, VERIFYING (an older key, still in the JWKS), RETIRED (gone from it).
 */
public record SigningKeyView(String kid, String algorithm, String state, Instant createdAt, String createdBy, Instant signsFrom,
        Instant retiredAt, String retiredBy, Map<String, Object> publicJwk) {

    static SigningKeyView of(SigningKey key, SigningKeys keys) {
        return new SigningKeyView(key.kid, "EdDSA", keys.stateOf(key), key.createdAt, key.createdBy, key.signsFrom, key.retiredAt, key.retiredBy,
                SigningKeys.publicJwk(key));
    }
}
