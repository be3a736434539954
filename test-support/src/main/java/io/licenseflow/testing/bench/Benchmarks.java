package io.licenseflow.testing.bench;

import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code ./licenseflow bench [hop|saga|validation|verifier|all]}: figures, each with its baseline measured in the same run
 * (docs/benchmarks.md).
 * Starts what it needs itself: the test stack, and the packaged onboarding- and entitlement-service on ports 28191 and
 * 28192 (their logs in target/bench/), which also create the schemas the hop benchmark writes into.
 *
 * <pre>
 *   hop   outbox commit → Debezium → Kafka consumer, against produce → consume   [--hop-rate 200] [--seconds 20] [--warmup 10]
 *   saga  account POST → KEY_ASSIGNED, activation → ACTIVATED, usage → COMPLETED, against the raw hop measured first;
 *         activations/s on one contended license, against the same spread over 20 licenses
 *                                                     [--saga-rate 5] [--activations 2000] [--in-flight 32]
 *   validation  POST /v1/licenses/validate against GET /.well-known/jwks.json: most requests/s, then latencies at a fixed
 *         rate of half validation's most (from each request's due time); the view's memory per 100,000 licenses
 *                                                     [--view-licenses 100000]
 *   verifier  license-verifier's token verification against a raw JDK Ed25519 verify (no stack needed)
 *   optout  an opt-out's 2xx -> receipt by N SSE subscribers of one replica and by a webhook, and -> the first validation
 *         answer carrying it, against the raw hop; connections held and RSS   [--subscribers 1000,10000] [--optout-rate 10]
 *   all   every one (default)
 * </pre>
 */
public final class Benchmarks {

    private static final int SPREAD_LICENSES = 20;
    /** optout-service's heap in the opt-out benchmark: 10,000 streams with their buffers need more than the tests' 256m. */
    static final String OPTOUT_HEAP = "512m";

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        if (!List.of("hop", "saga", "validation", "verifier", "optout", "all").contains(mode)) {
            System.err.println("usage: ./licenseflow bench [hop|saga|validation|verifier|optout|all] [--hop-rate 200] [--saga-rate 5] [--seconds 20] "
                    + "[--warmup 10] [--activations 2000] [--in-flight 32] [--view-licenses 100000] [--subscribers 1000,10000] [--optout-rate 10]");
            System.exit(2);
        }
        int hopRate = intArg(args, "--hop-rate", 200);
        int sagaRate = intArg(args, "--saga-rate", 5);
        int seconds = intArg(args, "--seconds", 20);
        int warmup = intArg(args, "--warmup", 10);
        int activations = intArg(args, "--activations", 2000);
        int inFlight = intArg(args, "--in-flight", 32);
        int viewLicenses = intArg(args, "--view-licenses", 100_000);
        int optoutRate = intArg(args, "--optout-rate", 10);
        int at = Arrays.asList(args).indexOf("--subscribers");
        List<Integer> subscribers = Arrays.stream(at >= 0 && at + 1 < args.length ? args[at + 1].split(",") : new String[] {"1000", "10000"})
                .map(Integer::parseInt).toList();
        if (mode.equals("verifier") || mode.equals("all")) {
            VerifierBenchmark.run(Math.max(3, seconds / 4), Math.max(2, warmup / 2));
            if (mode.equals("verifier")) {
                return;
            }
        }

        System.setProperty("licenseflow.service-logs", "target/bench");
        try (ServiceProcess onboarding = ServiceProcess.start("onboarding", 28191);
             ServiceProcess entitlement = mode.equals("hop") ? null : ServiceProcess.start("entitlement", 28192,
                     java.util.Map.of("LICENSEFLOW_RATE_LIMIT_ENABLED", "false"))) {
            System.out.printf("%s, test stack; services packaged, on ports %d and %s%n", Instant.now(), onboarding.port(),
                    entitlement == null ? "-" : entitlement.port());
            if (mode.equals("optout") || mode.equals("all")) {
                try (ServiceProcess optout = ServiceProcess.start("optout", 28193, java.util.Map.of("LF_TEST_SERVICE_HEAP", OPTOUT_HEAP))) {
                    System.out.printf("%nraw hop: %d events/s measured for %d s after %d s of warm-up%n", hopRate, seconds, warmup);
                    Latencies hop = OutboxHop.throughDebezium(hopRate, seconds, warmup);
                    System.out.println(hop.line("outbox commit -> Debezium -> consume", seconds));
                    OptOutBenchmark.run(new BenchHttp(onboarding.url()), new BenchHttp(entitlement.url()), optout, benchType(new BenchHttp(entitlement.url())),
                            hop, subscribers, optoutRate, seconds);
                }
                if (mode.equals("optout")) {
                    return;
                }
            }
            if (mode.equals("validation")) {
                BenchHttp onboardingHttp = new BenchHttp(onboarding.url());
                BenchHttp entitlementHttp = new BenchHttp(entitlement.url());
                String type = benchType(entitlementHttp);
                ValidationBenchmark.run(onboardingHttp, entitlementHttp, entitlement.url(), type, seconds, warmup);
                ViewMemory.run(type, viewLicenses);
                return;
            }
            System.out.printf("%nraw hop: %d events/s measured for %d s after %d s of warm-up per path%n", hopRate, seconds, warmup);
            Latencies direct = mode.equals("saga") ? null : OutboxHop.directToKafka(hopRate, seconds, warmup);
            Latencies hop = OutboxHop.throughDebezium(hopRate, seconds, warmup);
            if (direct != null) {
                System.out.println(direct.line("direct produce -> consume (baseline)", seconds));
            }
            System.out.println(hop.line("outbox commit -> Debezium -> consume", seconds));
            if (direct != null) {
                System.out.printf("ratio outbox/baseline: p50 %.1fx, p99 %.1fx%n", hop.p(50) / Math.max(0.001, direct.p(50)),
                        hop.p(99) / Math.max(0.001, direct.p(99)));
            }
            if (entitlement != null) {
                BenchHttp entitlementHttp = new BenchHttp(entitlement.url());
                String type = saga(new BenchHttp(onboarding.url()), entitlementHttp, hop, sagaRate, seconds, warmup, activations, inFlight);
                if (mode.equals("all")) {
                    ValidationBenchmark.run(new BenchHttp(onboarding.url()), entitlementHttp, entitlement.url(), type, seconds, warmup);
                    ViewMemory.run(type, viewLicenses);
                }
            }
        }
    }

    /** The saga's figures; the license type it made. */
    private static String saga(BenchHttp onboarding, BenchHttp entitlement, Latencies hop, int rate, int seconds, int warmup, int activations,
            int inFlight) throws Exception {
        String type = benchType(entitlement);
        System.out.printf("%nsaga: %d new accounts/s measured for %d s after %d s of warm-up (license type %s)%n", rate, seconds, warmup, type);
        SagaBenchmark.Steps steps = SagaBenchmark.run(onboarding, entitlement, type, rate, seconds, warmup);
        double goal = 2 * hop.p(99) + 20;
        printStep("account POST -> KEY_ASSIGNED", steps.keyAssigned(), hop, goal, seconds);
        printStep("activation -> ACTIVATED", steps.activated(), hop, goal, seconds);
        printStep("usage -> COMPLETED", steps.completed(), hop, goal, seconds);
        if (steps.failed() > 0) {
            System.out.printf("WARNING: %d onboardings did not complete%n", steps.failed());
        }

        System.out.printf("%nactivations: %d with distinct fingerprints, %d in flight%n", activations, inFlight);
        List<String> contended = ActivationThroughput.licenses(onboarding, entitlement, type, 1, activations);
        int warmupActivations = Math.min(200, activations);
        List<String> spread = ActivationThroughput.licenses(onboarding, entitlement, type, SPREAD_LICENSES,
                activations / SPREAD_LICENSES + warmupActivations / SPREAD_LICENSES + 2);
        ActivationThroughput.run(entitlement, spread, warmupActivations, inFlight, "warm-up");
        ActivationThroughput.Result one = ActivationThroughput.run(entitlement, contended, activations, inFlight, "contended");
        ActivationThroughput.Result many = ActivationThroughput.run(entitlement, spread, activations, inFlight, "spread");
        System.out.println(many.line("spread over " + SPREAD_LICENSES + " licenses (baseline)"));
        System.out.println(one.line("one contended license"));
        System.out.printf("ratio contended/spread: %.2fx the throughput%n", one.perSecond() / Math.max(0.001, many.perSecond()));
        return type;
    }

    private static void printStep(String step, Latencies latencies, Latencies hop, double goal, int seconds) {
        System.out.printf("%s   p99 = %.1fx the raw hop's; goal 2 x hop p99 + 20 ms = %.1f ms: %s%n", latencies.line(step, seconds),
                latencies.p(99) / Math.max(0.001, hop.p(99)), goal, latencies.p(99) <= goal ? "met" : "MISSED");
    }

    /** A node-locked type with room for the contended license's seats and a meter for the usage step. */
    private static String benchType(BenchHttp entitlement) {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        entitlement.send("POST", "/v1/license-types", KeycloakTokens.user("admin", "admin"), """
                {"name": "%s", "displayName": "Benchmark", "duration": {"kind": "FIXED_TERM", "period": "P1Y"},
                 "usageRules": [{"meter": "api-calls", "quota": 1000000000, "period": "MONTH", "overage": "DENY"}],
                 "seats": {"model": "NODE_LOCKED", "limit": 1, "maxLimit": 100000}}""".formatted(name), 201);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (TestDatabase.count("onboarding", "SELECT count(*) FROM offered_license_type WHERE name = ?", name) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("onboarding-service did not offer " + name + " within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return name;
    }

    private static int intArg(String[] args, String name, int fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : fallback;
    }
}
