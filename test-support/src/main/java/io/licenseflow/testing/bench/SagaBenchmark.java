package io.licenseflow.testing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.testing.KeycloakTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The onboarding saga at a fixed rate of new accounts, driven as a product backend and a product on a machine drive
 * it: POST /v1/accounts, then on KEY_ASSIGNED an operator's key reveal and the product's activation, then on ACTIVATED
 * its first usage report. Each step's time runs from the request the client sent to the moment onboarding-service
 * persisted the step (the {@code at} of its OnboardingProgressed): account POST → KEY_ASSIGNED, activation → ACTIVATED,
 * usage → COMPLETED. Each crosses two outbox hops' worth of work: the owning service's transaction and its event
 * through Debezium, then onboarding-service consuming it and persisting the step.
 */
final class SagaBenchmark {

    record Steps(Latencies keyAssigned, Latencies activated, Latencies completed, int failed) {
    }

    private record Sample(long keyAssignedMicros, long activatedMicros, long completedMicros) {
    }

    private SagaBenchmark() {
    }

    static Steps run(BenchHttp onboarding, BenchHttp entitlement, String licenseType, int rate, int seconds, int warmup) throws Exception {
        String backend = KeycloakTokens.backend();
        String operator = KeycloakTokens.user("operator", "operator");
        List<Future<Sample>> measured = new ArrayList<>();
        try (OnboardingWatch watch = new OnboardingWatch(); ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            for (int i = 0; i < rate * (warmup + seconds); i++) {
                long due = start + i * interval;
                while (System.nanoTime() < due) {
                    Thread.sleep(Duration.ofNanos(Math.min(due - System.nanoTime(), 1_000_000)));
                }
                int n = i;
                Future<Sample> onboarded = clients.submit(() -> onboard(n, onboarding, entitlement, watch, licenseType, backend, operator));
                if (i >= rate * warmup) {
                    measured.add(onboarded);
                }
            }
            List<Sample> samples = new ArrayList<>();
            int failed = 0;
            for (Future<Sample> sample : measured) {
                try {
                    samples.add(sample.get(3, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    if (failed++ == 0) {
                        System.out.println("WARNING: an onboarding did not complete: " + e.getCause());
                    }
                }
            }
            return new Steps(Latencies.of(samples.stream().mapToLong(Sample::keyAssignedMicros).toArray()),
                    Latencies.of(samples.stream().mapToLong(Sample::activatedMicros).toArray()),
                    Latencies.of(samples.stream().mapToLong(Sample::completedMicros).toArray()), failed);
        }
    }

    private static Sample onboard(int n, BenchHttp onboarding, BenchHttp entitlement, OnboardingWatch watch, String licenseType,
            String backend, String operator) throws Exception {
        Instant posted = Instant.now();
        String onboardingId = onboarding.send("POST", "/v1/accounts", backend, """
                {"name": "Bench %d", "contactEmail": "bench%d@bench.example.com", "licenseType": "%s"}""".formatted(n, n, licenseType), 201)
                .get("onboardingId").asText();
        JsonNode keyAssigned = watch.await(onboardingId, "KEY_ASSIGNED");
        String licenseId = keyAssigned.get("licenseId").asText();
        String key = entitlement.send("POST", "/v1/licenses/" + licenseId + "/reveal-key", operator, null, 200).get("key").asText();

        Instant activationSent = Instant.now();
        entitlement.send("POST", "/v1/activations", null, """
                {"key": "%s", "fingerprint": "bench-machine-%d", "name": "Bench machine", "platform": "linux-x86_64"}""".formatted(key, n), 201);
        JsonNode activated = watch.await(onboardingId, "ACTIVATED");

        Instant usageSent = Instant.now();
        entitlement.send("POST", "/v1/usage", null, """
                {"key": "%s", "fingerprint": "bench-machine-%d", "meter": "api-calls", "quantity": 1}""".formatted(key, n), 201,
                "Idempotency-Key", UUID.randomUUID().toString());
        JsonNode completed = watch.await(onboardingId, "COMPLETED");
        return new Sample(micros(posted, keyAssigned), micros(activationSent, activated), micros(usageSent, completed));
    }

    private static long micros(Instant sent, JsonNode progressed) {
        return Duration.between(sent, Instant.parse(progressed.get("at").asText())).toNanos() / 1000;
    }
}
