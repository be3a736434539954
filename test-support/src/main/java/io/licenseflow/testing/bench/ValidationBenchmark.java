package io.licenseflow.testing.bench;

import io.licenseflow.testing.KeycloakTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * POST /v1/licenses/validate against the same service's most trivial endpoint (GET /.well-known/jwks.json, an
 * in-memory document) behind the same authentication (none: the key is validation's credential): the most each
 * answers with 32 clients, and latencies at a fixed rate of half validation's most. Validation with a bearer token
 * as well, to show what verifying the token costs. Client and service share the machine's cores.
 */
final class ValidationBenchmark {

    private static final int CLIENTS = 32;

    private ValidationBenchmark() {
    }

    static void run(BenchHttp onboarding, BenchHttp entitlement, String entitlementUrl, String licenseType, int seconds, int warmup)
            throws Exception {
        String key = ActivationThroughput.licenses(onboarding, entitlement, licenseType, 1, 10).get(0);
        entitlement.send("POST", "/v1/activations", null, "{\"key\": \"" + key + "\", \"fingerprint\": \"bench-validate\"}", 201);
        String question = "{\"key\": \"" + key + "\", \"fingerprint\": \"bench-validate\", \"meter\": \"api-calls\"}";
        HttpRequest validate = post(entitlementUrl, question, null);
        HttpRequest validateWithToken = post(entitlementUrl, question, KeycloakTokens.backend());
        HttpRequest trivial = HttpRequest.newBuilder(URI.create(entitlementUrl + "/.well-known/jwks.json")).timeout(Duration.ofSeconds(30)).GET().build();

        System.out.printf("%nvalidation: %d clients back to back for %d s after %d s of warm-up, then a fixed rate of half the most%n",
                CLIENTS, seconds, warmup);
        for (HttpRequest request : List.of(trivial, validate, validateWithToken)) {
            HttpLoad.saturate(request, 200, CLIENTS, warmup);
        }
        HttpLoad.Saturation trivialMost = HttpLoad.saturate(trivial, 200, CLIENTS, seconds);
        HttpLoad.Saturation validateMost = HttpLoad.saturate(validate, 200, CLIENTS, seconds);
        HttpLoad.Saturation tokenMost = HttpLoad.saturate(validateWithToken, 200, CLIENTS, seconds);
        System.out.println(most("GET /.well-known/jwks.json (baseline)", trivialMost));
        System.out.println(most("POST /v1/licenses/validate, key only", validateMost));
        System.out.println(most("POST /v1/licenses/validate, bearer token", tokenMost));
        System.out.printf("ratio validation/baseline: %.2fx the throughput (goal >= 0.6x: %s)%n", validateMost.perSecond() / trivialMost.perSecond(),
                validateMost.perSecond() / trivialMost.perSecond() >= 0.6 ? "met" : "MISSED");

        int rate = Math.max(1, (int) (validateMost.perSecond() / 2));
        Latencies trivialLatencies = HttpLoad.atFixedRate(trivial, 200, rate, seconds);
        Latencies validateLatencies = HttpLoad.atFixedRate(validate, 200, rate, seconds);
        System.out.printf("at %d requests/s (half of validation's most), latency from each request's due time:%n", rate);
        System.out.println(trivialLatencies.line("GET /.well-known/jwks.json (baseline)", seconds));
        System.out.println(validateLatencies.line("POST /v1/licenses/validate, key only", seconds));
        System.out.printf("ratio validation/baseline: p50 %.2fx, p99 %.2fx; validation p99 %.2f ms (goal < 5 ms: %s)%n",
                validateLatencies.p(50) / Math.max(0.001, trivialLatencies.p(50)), validateLatencies.p(99) / Math.max(0.001, trivialLatencies.p(99)),
                validateLatencies.p(99), validateLatencies.p(99) < 5 ? "met" : "MISSED");
    }

    private static HttpRequest post(String baseUrl, String json, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/licenses/validate")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static String most(String what, HttpLoad.Saturation saturation) {
        return String.format("%-44s %8.0f requests/s  (%d answered, %d failed)", what, saturation.perSecond(), saturation.answered(), saturation.failed());
    }
}
