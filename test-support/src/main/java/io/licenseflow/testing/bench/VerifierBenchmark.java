package io.licenseflow.testing.bench;

import io.licenseflow.verifier.Check;
import io.licenseflow.verifier.Expiry;
import io.licenseflow.verifier.JwksSource;
import io.licenseflow.verifier.LicenseClaims;
import io.licenseflow.verifier.LicenseVerifier;
import io.licenseflow.verifier.MeterQuota;
import io.licenseflow.verifier.OptOuts;
import io.licenseflow.verifier.TokenClaims;
import io.licenseflow.verifier.ValidationCode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;

/**
 * license-verifier's verification of a license token against the bare JDK Ed25519 verification of the same signed
 * bytes (what any verifier must at least do): operations per second on one thread, median of several rounds after a
 * warm-up. Needs no stack.
 */
final class VerifierBenchmark {

    private VerifierBenchmark() {
    }

    static void run(int seconds, int warmup) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        JsonWebKey jwk = JsonWebKey.Factory.newJwk(pair.getPublic());
        jwk.setKeyId("bench");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LicenseClaims claims = new LicenseClaims(UUID.randomUUID(), UUID.randomUUID(), "team-annual", 3, List.of("core", "export-pdf", "sso"),
                List.of(new MeterQuota("api-calls", 100_000, "MONTH", "ALLOW_AND_FLAG", 1.2)), new Expiry(now.plus(Duration.ofDays(300)), "P14D", false, false),
                "NODE_LOCKED", 25, UUID.randomUUID(), "4c:2e:8a:91:fe:01", now, now, now.plus(Duration.ofDays(7)),
                new OptOuts(List.of("telemetry"), new OptOuts.Subject("account", 2, List.of()), new OptOuts.Subject("4c:2e:8a:91:fe:01", 4,
                        List.of("telemetry")), null, List.of()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue("bench");
        jws.setHeader("typ", LicenseVerifier.TOKEN_TYPE);
        jws.setPayload(TokenClaims.write(claims, "licenseflow", UUID.randomUUID().toString()).toJson());
        jws.setKey(pair.getPrivate());
        String token = jws.getCompactSerialization();
        LicenseVerifier verifier = LicenseVerifier.builder().jwks(JwksSource.of(new JsonWebKeySet(jwk).toJson())).build();
        Check check = Check.machine("4c:2e:8a:91:fe:01").entitlement("export-pdf").meter("api-calls", 10);
        if (verifier.verify(token, check).code() != ValidationCode.VALID) {
            throw new IllegalStateException("the benchmark token does not verify: " + verifier.verify(token, check));
        }
        String[] parts = token.split("\\.");
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);

        Runnable library = () -> {
            if (!verifier.verify(token, check).valid()) {
                throw new IllegalStateException("not valid");
            }
        };
        Runnable jdk = () -> {
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initVerify(pair.getPublic());
                ed25519.update(signed);
                if (!ed25519.verify(signature)) {
                    throw new IllegalStateException("not verified");
                }
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
        System.out.printf("%nverifier: one thread, %d rounds of 1 s after %d s of warm-up each; a %d-byte token%n", seconds, warmup, token.length());
        opsPerSecond(library, warmup);
        opsPerSecond(jdk, warmup);
        List<Double> libraryRounds = new ArrayList<>();
        List<Double> jdkRounds = new ArrayList<>();
        for (int round = 0; round < seconds; round++) {
            libraryRounds.add(opsPerSecond(library, 1));
            jdkRounds.add(opsPerSecond(jdk, 1));
        }
        double libraryOps = median(libraryRounds);
        double jdkOps = median(jdkRounds);
        System.out.printf("%-44s %8.0f verifications/s (median of %d rounds)%n", "raw JDK Ed25519 verify (baseline)", jdkOps, seconds);
        System.out.printf("%-44s %8.0f verifications/s (median of %d rounds)%n", "LicenseVerifier.verify, all checks", libraryOps, seconds);
        System.out.printf("ratio library/baseline: %.2fx (goal >= 0.9x: %s)%n", libraryOps / jdkOps, libraryOps / jdkOps >= 0.9 ? "met" : "MISSED");
    }

    private static double opsPerSecond(Runnable operation, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
