package io.licenseflow.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

class LicenseVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String MACHINE = "machine-fp-1";

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final Key first = Key.generate("k1");
    private final AtomicReference<String> jwks = new AtomicReference<>(jwks(first));
    private final AtomicInteger reads = new AtomicInteger();
    private final LicenseVerifier verifier = LicenseVerifier.builder()
            .jwks(() -> {
                reads.incrementAndGet();
                return jwks.get();
            })
            .clock(clock)
            .clockSkew(Duration.ofSeconds(30))
            .minRefreshInterval(Duration.ofSeconds(10))
            .keysMaxAge(Duration.ofMinutes(5))
            .build();

    @Test
    void a_token_of_this_machine_is_valid_and_states_its_license() {
        Verification answer = verifier.verify(token(first, license()), Check.machine(MACHINE).entitlement("export-pdf").meter("api-calls", 999));
        assertThat(answer.code()).isEqualTo(ValidationCode.VALID);
        assertThat(answer.valid()).isTrue();
        LicenseClaims claims = answer.license().orElseThrow();
        assertThat(claims.type()).isEqualTo("team-annual");
        assertThat(claims.typeVersion()).isEqualTo(3);
        assertThat(claims.meter("api-calls").orElseThrow().quota()).isEqualTo(1000);
        assertThat(claims.fingerprint()).isEqualTo(MACHINE);
    }

    @Test
    void a_token_tells_what_may_be_collected_from_its_machine_and_account() {
        LicenseClaims claims = verifier.verify(token(first, license()), Check.machine(MACHINE)).license().orElseThrow();
        assertThat(claims.optOuts()).isEqualTo(OPT_OUTS);
        assertThat(claims.mayCollect("crash-reports")).isTrue();
        assertThat(claims.mayCollect("telemetry")).as("the machine opted out").isFalse();
        assertThat(claims.mayCollect("sale-or-sharing")).as("the account opted out").isFalse();
        assertThat(claims.optOuts().mayCollectForUnnamedSubject("telemetry")).as("another machine's own choice is unknown here").isTrue();
        assertThat(claims.optOuts().mayCollectForUnnamedSubject("marketing-email")).as("opted out by default").isFalse();
        assertThat(claims.optOuts().machine().version()).isEqualTo(7);
    }

    @Test
    void a_token_without_opt_outs_allows_collecting_nothing() {
        LicenseClaims old = license();
        LicenseClaims without = new LicenseClaims(old.licenseId(), old.accountId(), old.type(), old.typeVersion(), old.entitlements(), old.meters(),
                old.expiry(), old.seatModel(), old.seatLimit(), old.activationId(), old.fingerprint(), old.issuedAt(), old.notBefore(),
                old.tokenExpiresAt(), null);
        LicenseClaims claims = verifier.verify(token(first, without), Check.machine(MACHINE)).license().orElseThrow();
        assertThat(claims.optOuts()).isNull();
        assertThat(claims.mayCollect("crash-reports")).isFalse();
    }

    @Test
    void a_tampered_payload_fails_its_signature() {
        String[] parts = token(first, license()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("export-pdf", "export-all");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(verifier.verify(forged, Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void a_tampered_header_fails_its_signature() {
        String[] parts = token(first, license()).split("\\.");
        String header = "{\"alg\":\"EdDSA\",\"kid\":\"k1\",\"typ\":\"license+jwt\",\"x\":1}";
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
        assertThat(verifier.verify(forged, Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void a_token_signed_by_another_key_under_a_published_kid_fails() {
        Key impostor = Key.generate("k1");
        assertThat(verifier.verify(token(impostor, license()), Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void an_unknown_kid_is_looked_up_once_then_refused_without_hammering_the_issuer() {
        Key stranger = Key.generate("k-unknown");
        assertThat(verifier.verify(token(first, license()), Check.machine(MACHINE)).valid()).isTrue();
        now.set(NOW.plusSeconds(11));
        int before = reads.get();
        Verification answer = verifier.verify(token(stranger, license()), Check.machine(MACHINE));
        assertThat(answer.code()).isEqualTo(ValidationCode.TOKEN_KEY_UNKNOWN);
        assertThat(answer.license()).isEmpty();
        for (int i = 0; i < 50; i++) {
            verifier.verify(token(stranger, license()), Check.machine(MACHINE));
        }
        assertThat(reads.get() - before).as("JWKS reads for 51 tokens of an unknown kid within the refresh interval").isEqualTo(1);
    }

    @Test
    void a_rotated_in_key_is_fetched_when_its_first_token_arrives() {
        assertThat(verifier.verify(token(first, license()), Check.machine(MACHINE)).valid()).isTrue();
        Key second = Key.generate("k2");
        jwks.set(jwks(first, second));
        now.set(NOW.plusSeconds(11));
        assertThat(verifier.verify(token(second, license()), Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.VALID);
        assertThat(verifier.verify(token(first, license()), Check.machine(MACHINE)).code()).as("the older key still verifies").isEqualTo(ValidationCode.VALID);
    }

    @Test
    void a_retired_key_stops_verifying_once_the_keys_are_read_again() {
        String old = token(first, license(NOW.plus(Duration.ofHours(2))));
        assertThat(verifier.verify(old, Check.machine(MACHINE)).valid()).isTrue();
        Key second = Key.generate("k2");
        jwks.set(jwks(second));
        now.set(NOW.plus(Duration.ofMinutes(6)));
        assertThat(verifier.verify(old, Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_KEY_UNKNOWN);
    }

    @Test
    void alg_none_and_other_algorithms_are_refused() {
        String[] parts = token(first, license()).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"kid\":\"k1\",\"typ\":\"license+jwt\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(none + "." + parts[1] + ".", Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_SIGNATURE_INVALID);
        String hs = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\",\"kid\":\"k1\",\"typ\":\"license+jwt\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(hs + "." + parts[1] + "." + parts[2], Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void truncated_and_garbage_tokens_are_malformed() {
        String token = token(first, license());
        assertThat(verifier.verify(token.substring(0, token.lastIndexOf('.')), Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_MALFORMED);
        assertThat(verifier.verify(token.substring(0, token.length() - 10), Check.machine(MACHINE)).code())
                .isIn(ValidationCode.TOKEN_SIGNATURE_INVALID, ValidationCode.TOKEN_MALFORMED);
        assertThat(verifier.verify("", Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_MALFORMED);
        assertThat(verifier.verify(null, Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_MALFORMED);
        assertThat(verifier.verify("a.b.c", Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_MALFORMED);
    }

    @Test
    void a_token_of_another_type_signed_by_the_key_is_not_a_license_token() {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue("k1");
        jws.setHeader("typ", "JWT");
        jws.setPayload(TokenClaims.write(license(), "licenseflow", "t").toJson());
        jws.setKey(first.pair.getPrivate());
        assertThat(verifier.verify(sign(jws), Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_MALFORMED);
    }

    @Test
    void times_are_checked_with_the_clock_skew() {
        String token = token(first, license());
        now.set(NOW.plus(Duration.ofHours(1)).plusSeconds(29));
        assertThat(verifier.verify(token, Check.machine(MACHINE)).code()).as("29 s after exp, within the skew").isEqualTo(ValidationCode.VALID);
        now.set(NOW.plus(Duration.ofHours(1)).plusSeconds(30));
        assertThat(verifier.verify(token, Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_EXPIRED);
        now.set(NOW.minusSeconds(31));
        assertThat(verifier.verify(token, Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.TOKEN_NOT_YET_VALID);
        now.set(NOW.minusSeconds(29));
        assertThat(verifier.verify(token, Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.VALID);
    }

    @Test
    void another_machine_gets_fingerprint_mismatch() {
        assertThat(verifier.verify(token(first, license()), Check.machine("another-machine")).code()).isEqualTo(ValidationCode.FINGERPRINT_MISMATCH);
        assertThat(verifier.verify(token(first, license()), Check.machine(null)).code()).isEqualTo(ValidationCode.FINGERPRINT_MISMATCH);
    }

    @Test
    void entitlements_and_quotas_are_answered_from_the_token() {
        String token = token(first, license());
        assertThat(verifier.verify(token, Check.machine(MACHINE).entitlement("sso")).code()).isEqualTo(ValidationCode.ENTITLEMENT_MISSING);
        assertThat(verifier.verify(token, Check.machine(MACHINE).meter("gpu-hours", 0)).code()).isEqualTo(ValidationCode.ENTITLEMENT_MISSING);
        assertThat(verifier.verify(token, Check.machine(MACHINE).meter("api-calls", 1000)).code()).isEqualTo(ValidationCode.QUOTA_EXCEEDED);
        assertThat(verifier.verify(token, Check.machine(MACHINE).meter("exports", 1499)).code()).as("allow-and-flag up to 1.5x").isEqualTo(ValidationCode.VALID);
        assertThat(verifier.verify(token, Check.machine(MACHINE).meter("exports", 1500)).code()).isEqualTo(ValidationCode.QUOTA_EXCEEDED);
    }

    @Test
    void expiry_grace_and_maintained_access_follow_the_license_terms() {
        Instant ended = NOW.minus(Duration.ofDays(3));
        assertThat(verifier.verify(token(first, license(ended, "P7D", false)), Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.IN_GRACE_PERIOD);
        assertThat(verifier.verify(token(first, license(ended, "P1D", false)), Check.machine(MACHINE)).code()).isEqualTo(ValidationCode.EXPIRED);
        Verification maintained = verifier.verify(token(first, license(ended, "P1D", true)), Check.machine(MACHINE));
        assertThat(maintained.code()).isEqualTo(ValidationCode.EXPIRED_ACCESS_MAINTAINED);
        assertThat(maintained.valid()).isTrue();
        assertThat(verifier.verify(token(first, license(ended, "P1D", false)), Check.machine("another")).code())
                .as("expiry comes before the machine in the precedence").isEqualTo(ValidationCode.EXPIRED);
    }

    private static final OptOuts OPT_OUTS = new OptOuts(List.of("sale-or-sharing", "telemetry"),
            new OptOuts.Subject("acct", 3, List.of("sale-or-sharing")), new OptOuts.Subject(MACHINE, 7, List.of("telemetry")), null,
            List.of("marketing-email"));

    private LicenseClaims license() {
        return license(NOW.plus(Duration.ofDays(200)));
    }

    private LicenseClaims license(Instant expiresAt) {
        return license(expiresAt, "P7D", false);
    }

    private LicenseClaims license(Instant expiresAt, String grace, boolean maintain) {
        return new LicenseClaims(UUID.randomUUID(), UUID.randomUUID(), "team-annual", 3, List.of("export-pdf", "reports"),
                List.of(new MeterQuota("api-calls", 1000, "MONTH", "DENY", null), new MeterQuota("exports", 1000, "MONTH", "ALLOW_AND_FLAG", 1.5)),
                new Expiry(expiresAt, grace, maintain, false), "NODE_LOCKED", 5, UUID.randomUUID(), MACHINE,
                NOW, NOW, NOW.plus(Duration.ofHours(1)), OPT_OUTS);
    }

    private static String token(Key key, LicenseClaims license) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(key.kid);
        jws.setHeader("typ", LicenseVerifier.TOKEN_TYPE);
        jws.setPayload(TokenClaims.write(license, "licenseflow", UUID.randomUUID().toString()).toJson());
        jws.setKey(key.pair.getPrivate());
        return sign(jws);
    }

    private static String sign(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(Key... keys) {
        try {
            List<JsonWebKey> list = new java.util.ArrayList<>();
            for (Key key : keys) {
                OctetKeyPairJsonWebKey jwk = (OctetKeyPairJsonWebKey) JsonWebKey.Factory.newJwk(key.pair.getPublic());
                jwk.setKeyId(key.kid);
                jwk.setAlgorithm(AlgorithmIdentifiers.EDDSA);
                jwk.setUse("sig");
                list.add(jwk);
            }
            return new JsonWebKeySet(list).toJson();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Key(String kid, KeyPair pair) {
        static Key generate(String kid) {
            try {
                return new Key(kid, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
