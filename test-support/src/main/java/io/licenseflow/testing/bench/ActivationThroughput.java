package io.licenseflow.testing.bench;

import io.licenseflow.testing.KeycloakTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activations per second with a fixed number in flight: all on one license (every activation takes that license's row
 * lock in turn: the seat limit's price), and as the baseline the same number spread over many licenses.
 */
final class ActivationThroughput {

    record Result(double perSecond, Latencies latencies, int created, int other) {

        String line(String what) {
            return String.format("%-44s %6.0f activations/s  (%d created, %d other answers)  p50 %6.1f ms  p99 %6.1f ms", what, perSecond,
                    created, other, latencies.p(50), latencies.p(99));
        }
    }

    private ActivationThroughput() {
    }

    /** Keys of {@code count} new licenses of {@code licenseType} with {@code seats} seats each, through the saga. */
    static List<String> licenses(BenchHttp onboarding, BenchHttp entitlement, String licenseType, int count, int seats) throws Exception {
        String backend = KeycloakTokens.backend();
        String operator = KeycloakTokens.user("operator", "operator");
        List<String> keys = new ArrayList<>();
        try (OnboardingWatch watch = new OnboardingWatch()) {
            List<String> onboardings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                onboardings.add(onboarding.send("POST", "/v1/accounts", backend, """
                        {"name": "Seats %d", "contactEmail": "seats%d@bench.example.com", "licenseType": "%s", "seats": %d}"""
                        .formatted(i, i, licenseType, seats), 201).get("onboardingId").asText());
            }
            for (String onboardingId : onboardings) {
                String licenseId = watch.await(onboardingId, "KEY_ASSIGNED").get("licenseId").asText();
                keys.add(entitlement.send("POST", "/v1/licenses/" + licenseId + "/reveal-key", operator, null, 200).get("key").asText());
            }
        }
        return keys;
    }

    /** {@code activations} activations with distinct fingerprints, round-robin over {@code keys}, {@code inFlight} at a time. */
    static Result run(BenchHttp entitlement, List<String> keys, int activations, int inFlight, String fingerprintPrefix) throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < activations; i++) {
            slots.acquire();
            long requestStart = System.nanoTime();
            String body = """
                    {"key": "%s", "fingerprint": "%s-%d", "name": "Seat %d", "platform": "linux-x86_64"}"""
                    .formatted(keys.get(i % keys.size()), fingerprintPrefix, i, i);
            sent.add(entitlement.statusAsync("POST", "/v1/activations", null, body).whenComplete((status, failure) -> {
                micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - requestStart));
                if (status != null && status == 201) {
                    created.incrementAndGet();
                } else {
                    other.incrementAndGet();
                }
                slots.release();
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(created.get() / seconds, Latencies.of(micros.stream().mapToLong(Long::longValue).toArray()), created.get(), other.get());
    }
}
