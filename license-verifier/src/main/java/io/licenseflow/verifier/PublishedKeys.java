package io.licenseflow.verifier;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The issuer's Ed25519 public keys by {@code kid}, as last read from the source. The source is read again when the
 * keys are older than {@code maxAge} (so a retired key, gone from the JWKS, stops verifying within that time), and when
 * a {@code kid} is unknown (a key rotated in since), but then not more often than {@code minRefreshInterval}, so that
 * tokens with made-up {@code kid}s cannot make it hammer the issuer. A failed read keeps the keys it had.
 */
final class PublishedKeys {

    private final JwksSource source;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant lastRead = Instant.MIN;
    private volatile String lastFailure;

    PublishedKeys(JwksSource source, Duration minRefreshInterval, Duration maxAge, Clock clock) {
        this.source = source;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The key of {@code kid}, reading the source again when it is unknown and the last read is old enough. */
    Optional<PublicKey> find(String kid) {
        if (!clock.instant().isBefore(lastRead.plus(maxAge))) {
            refresh(maxAge);
        }
        PublicKey key = keys.get(kid);
        if (key == null) {
            refresh(minRefreshInterval);
            key = keys.get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** Why the last read failed, or null when it worked. */
    String lastFailure() {
        return lastFailure;
    }

    /** Reads the source unless it was read less than {@code notWithin} ago (by another thread, say). */
    private synchronized void refresh(Duration notWithin) {
        if (lastRead != Instant.MIN && clock.instant().isBefore(lastRead.plus(notWithin))) {
            return;
        }
        lastRead = clock.instant();
        try {
            keys = parse(source.read());
            lastFailure = null;
        } catch (IOException | JoseException | RuntimeException e) {
            lastFailure = "could not read the JWKS: " + e.getMessage();
        }
    }

    /** The Ed25519 signing keys of a JWKS; keys of other types, curves or uses are no business of ours. */
    static Map<String, PublicKey> parse(String jwks) throws JoseException {
        Map<String, PublicKey> found = new HashMap<>();
        for (JsonWebKey jwk : new JsonWebKeySet(jwks).getJsonWebKeys()) {
            if (jwk instanceof OctetKeyPairJsonWebKey okp && "Ed25519".equals(okp.getSubtype()) && jwk.getKeyId() != null
                    && (jwk.getUse() == null || "sig".equals(jwk.getUse()))
                    && (jwk.getAlgorithm() == null || "EdDSA".equals(jwk.getAlgorithm()))) {
                found.put(jwk.getKeyId(), okp.getPublicKey());
            }
        }
        return Map.copyOf(found);
    }
}
