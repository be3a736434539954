package io.licenseflow.testing.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP load of one request, two ways. {@link #saturate}: a fixed number of clients send back to back for a while (the
 * most the service answers). {@link #atFixedRate}: requests go out on a fixed schedule, whatever the answers do, and
 * each latency counts from when its request was due, not from when it was sent: a stall delays every request due
 * meanwhile, and all of that delay is measured (no coordinated omission, as wrk2 measures).
 */
final class HttpLoad {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(10)).build();

    record Saturation(double perSecond, long answered, long failed) {
    }

    private HttpLoad() {
    }

    /** {@code clients} loops sending {@code request} for {@code seconds}; answers other than {@code expected} count as failed. */
    static Saturation saturate(HttpRequest request, int expected, int clients, int seconds) throws Exception {
        LongAdder answered = new LongAdder();
        LongAdder failed = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        try (ExecutorService loops = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                loops.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            (status == expected ? answered : failed).increment();
                        } catch (Exception e) {
                            failed.increment();
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Saturation(answered.sum() / elapsed, answered.sum(), failed.sum());
    }

    /** {@code rate} requests a second for {@code seconds}; each latency from its due time to its answer. */
    static Latencies atFixedRate(HttpRequest request, int expected, int rate, int seconds) throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        int total = rate * seconds;
        long[] micros = new long[total];
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> sent = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            int slot = i;
            sent.add(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                micros[slot] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due);
                if (failure != null || response.statusCode() != expected) {
                    failed.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(5, TimeUnit.MINUTES);
        if (failed.get() > 0) {
            System.out.printf("WARNING: %d of %d requests were not answered %d%n", failed.get(), total, expected);
        }
        return Latencies.of(micros);
    }
}
