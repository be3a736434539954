package io.licenseflow.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Verifies LicenseFlow license tokens offline: a compact JWS ({@code alg} EdDSA only, {@code typ license+jwt}) signed
 * by one of the issuer's published keys, within its times (allowing {@code clockSkew}), bound to this machine, for the
 * feature and meter asked. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * LicenseVerifier verifier = LicenseVerifier.builder()
 *         .jwks(JwksSource.url(URI.create("https://licenses.example.com/.well-known/jwks.json")))
 *         .build();
 * Verification answer = verifier.verify(token, Check.machine(fingerprint).entitlement("export-pdf"));
 * }</pre>
 */
public final class LicenseVerifier {

    /** The JOSE {@code typ} of a license token (RFC 8725 explicit typing). */
    public static final String TOKEN_TYPE = "license+jwt";

    private final PublishedKeys keys;
    private final Duration clockSkew;
    private final Clock clock;

    private LicenseVerifier(Builder builder) {
        this.clock = builder.clock;
        this.clockSkew = builder.clockSkew;
        this.keys = new PublishedKeys(Objects.requireNonNull(builder.jwks, "a JWKS source is required"), builder.minRefreshInterval,
                builder.keysMaxAge, clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Checks {@code token} as {@code check} asks; never throws for a bad token: the answer's code says what is wrong. */
    public Verification verify(String token, Check check) {
        Objects.requireNonNull(check, "check");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA));
        try {
            jws.setCompactSerialization(token == null ? "" : token.strip());
        } catch (JoseException e) {
            return Verification.untrusted(ValidationCode.TOKEN_MALFORMED, "not a compact JWS: " + e.getMessage());
        }
        if (!AlgorithmIdentifiers.EDDSA.equals(jws.getAlgorithmHeaderValue())) {
            return Verification.untrusted(ValidationCode.TOKEN_SIGNATURE_INVALID, "alg " + jws.getAlgorithmHeaderValue() + " is not accepted: only EdDSA");
        }
        if (!TOKEN_TYPE.equals(jws.getHeader("typ"))) {
            return Verification.untrusted(ValidationCode.TOKEN_MALFORMED, "typ is not " + TOKEN_TYPE + ": not a license token");
        }
        String kid = jws.getKeyIdHeaderValue();
        PublicKey key = kid == null ? null : keys.find(kid).orElse(null);
        if (key == null) {
            String why = keys.lastFailure() == null ? "" : " (" + keys.lastFailure() + ")";
            return Verification.untrusted(ValidationCode.TOKEN_KEY_UNKNOWN, "no published key has kid " + kid + why);
        }
        jws.setKey(key);
        LicenseClaims claims;
        try {
            if (!jws.verifySignature()) {
                return Verification.untrusted(ValidationCode.TOKEN_SIGNATURE_INVALID, "the signature does not verify with key " + kid);
            }
            claims = TokenClaims.read(JwtClaims.parse(jws.getUnverifiedPayload()));
        } catch (JoseException e) {
            return Verification.untrusted(ValidationCode.TOKEN_SIGNATURE_INVALID, "the signature does not verify: " + e.getMessage());
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return Verification.untrusted(ValidationCode.TOKEN_MALFORMED, "the claims are not a license's: " + e.getMessage());
        }
        return judge(claims, check, clock.instant());
    }

    /**
     * Whether a validation answer ({@code POST /v1/licenses/validate}) is as the issuer signed it: its
     * {@code Content-Digest} matches the exact {@code body} bytes and its {@code Signature} (RFC 9421, see
     * {@link AnswerSignature}) verifies with a published key. Trust nothing in a body for which this is false.
     *
     * @param headers the answer's headers (names in any case): Content-Digest, Signature-Input, Signature
     */
    public boolean verifyAnswer(int status, Map<String, String> headers, byte[] body) {
        String digest = AnswerSignature.header(headers, "Content-Digest");
        AnswerSignature.Input input = AnswerSignature.Input.parse(AnswerSignature.header(headers, "Signature-Input"));
        byte[] signature = AnswerSignature.signatureBytes(AnswerSignature.header(headers, "Signature"));
        if (digest == null || input == null || signature == null || !MessageDigest.isEqual(
                digest.strip().getBytes(StandardCharsets.US_ASCII), AnswerSignature.contentDigest(body).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        PublicKey key = keys.find(input.kid()).orElse(null);
        if (key == null) {
            return false;
        }
        try {
            Signature verify = Signature.getInstance("Ed25519");
            verify.initVerify(key);
            verify.update(AnswerSignature.base(status, digest.strip(), input.parameters()));
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The signed claims, checked in the order of {@link ValidationCode}. */
    private Verification judge(LicenseClaims claims, Check check, Instant now) {
        if (claims.notBefore().isAfter(now.plus(clockSkew))) {
            return Verification.of(ValidationCode.TOKEN_NOT_YET_VALID, "not valid before " + claims.notBefore(), claims);
        }
        if (!claims.tokenExpiresAt().isAfter(now.minus(clockSkew))) {
            return Verification.of(ValidationCode.TOKEN_EXPIRED, "expired at " + claims.tokenExpiresAt() + ": check in for a fresh token", claims);
        }
        ValidationCode standing = claims.expiry().at(now, false);
        if (!standing.valid()) {
            return Verification.of(standing, "the license expired at " + claims.expiry().expiresAt(), claims);
        }
        if (check.fingerprint() == null || !check.fingerprint().equals(claims.fingerprint())) {
            return Verification.of(ValidationCode.FINGERPRINT_MISMATCH, "the token is bound to another machine", claims);
        }
        if (check.entitlement() != null && !claims.hasEntitlement(check.entitlement())) {
            return Verification.of(ValidationCode.ENTITLEMENT_MISSING, "the license does not include " + check.entitlement(), claims);
        }
        if (check.meter() != null) {
            MeterQuota quota = claims.meter(check.meter()).orElse(null);
            if (quota == null) {
                return Verification.of(ValidationCode.ENTITLEMENT_MISSING, "the license has no meter " + check.meter(), claims);
            }
            if (quota.exhaustedBy(check.used())) {
                return Verification.of(ValidationCode.QUOTA_EXCEEDED, "meter " + quota.meter() + " allows " + quota.cap() + " per "
                        + quota.period() + "; " + check.used() + " used", claims);
            }
        }
        String detail = switch (standing) {
            case IN_GRACE_PERIOD -> "expired at " + claims.expiry().expiresAt() + ", in its grace period until " + claims.expiry().graceEndsAt();
            case EXPIRED_ACCESS_MAINTAINED -> "expired at " + claims.expiry().expiresAt() + "; its type maintains access";
            default -> "valid";
        };
        return Verification.of(standing, detail, claims);
    }

    public static final class Builder {

        private JwksSource jwks;
        private Duration clockSkew = Duration.ofSeconds(60);
        private Duration minRefreshInterval = Duration.ofSeconds(30);
        private Duration keysMaxAge = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where the issuer's public keys come from (required). */
        public Builder jwks(JwksSource source) {
            this.jwks = source;
            return this;
        }

        /** Tolerance for clocks that disagree, applied to not-before and expiry (default 60 s). */
        public Builder clockSkew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("clock skew must not be negative");
            }
            this.clockSkew = skew;
            return this;
        }

        /** The least time between two reads of the JWKS caused by unknown kids (default 30 s). */
        public Builder minRefreshInterval(Duration interval) {
            this.minRefreshInterval = interval;
            return this;
        }

        /** How long keys read from the JWKS are trusted before it is read again (default 5 min): a retired key stops
         * verifying within this time. */
        public Builder keysMaxAge(Duration maxAge) {
            this.keysMaxAge = maxAge;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public LicenseVerifier build() {
            return new LicenseVerifier(this);
        }
    }
}
