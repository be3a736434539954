package io.licenseflow.testing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.TestDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The opt-out broadcast's latency: from the 2xx of {@code POST /v1/optouts} to the change's receipt by each of N SSE
 * subscribers of one replica (all following the same account, so each receives every change) and by a webhook receiver
 * on loopback; and from that 2xx to the first validation answer that carries the change. Each against the raw Debezium
 * hop measured in the same run; connections held and the service's resident memory beside them.
 */
final class OptOutBenchmark {

    private static final String PURPOSE = "telemetry";
    /** What precedes a change's number in its event: subjects are named bench-<change>. */
    private static final String MARKER = "\"id\":\"bench-";

    private final BenchHttp optout;
    private final BenchHttp entitlement;
    private final ServiceProcess optoutProcess;
    private final String token = KeycloakTokens.backend();
    /** Change index → nanoTime of its 2xx. */
    private final Map<Integer, Long> answeredAt = new ConcurrentHashMap<>();

    private OptOutBenchmark(BenchHttp optout, BenchHttp entitlement, ServiceProcess optoutProcess) {
        this.optout = optout;
        this.entitlement = entitlement;
        this.optoutProcess = optoutProcess;
    }

    /** One change and one receipt of it, in nanoTime. */
    private record Receipt(int change, long at) {
    }

    static void run(BenchHttp onboarding, BenchHttp entitlement, ServiceProcess optout, String licenseType, Latencies hop, List<Integer> subscriberCounts,
            int rate, int seconds) throws Exception {
        OptOutBenchmark bench = new OptOutBenchmark(new BenchHttp(optout.url()), entitlement, optout);
        String key = ActivationThroughput.licenses(onboarding, entitlement, licenseType, 1, 10).get(0);
        String account = entitlement.send("POST", "/v1/licenses/validate", null, "{\"key\": \"" + key + "\"}", 200).at("/license/accountId").asText();
        bench.awaitAccount(account);
        System.out.printf("%nopt-out broadcast: account %s, %d changes/s for %d s per run; raw hop p99 %.1f ms%n", account, rate, seconds, hop.p(99));
        int firstChange = 0;
        for (int subscribers : subscriberCounts) {
            firstChange = bench.broadcast(account, subscribers, rate, seconds, firstChange, hop);
        }
        bench.validation(account, key, rate, seconds, hop);
    }

    private void awaitAccount(String account) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (TestDatabase.count("optout", "SELECT count(*) FROM optout_account WHERE id = ?::uuid", account) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("optout-service did not learn account " + account + " within 60 s");
            }
            Thread.sleep(100);
        }
    }

    /** One run with {@code subscribers} SSE streams and a webhook; answers the next change index. */
    private int broadcast(String account, int subscribers, int rate, int seconds, int firstChange, Latencies hop) throws Exception {
        int changes = rate * seconds;
        // Receipt times per change, in arrays filled by the reading threads: a million receipts make no garbage.
        long[][] sseAt = new long[changes][subscribers];
        AtomicIntegerArray sseCount = new AtomicIntegerArray(changes);
        ConcurrentLinkedQueue<Receipt> webhook = new ConcurrentLinkedQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            long at = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int change = changeOf(body);
            if (change >= 0) {
                webhook.add(new Receipt(change, at));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hookId = optout.send("POST", "/v1/webhooks", token, """
                {"url": "http://127.0.0.1:%d/hook", "account": "%s", "purpose": "%s"}""".formatted(receiver.getAddress().getPort(), account, PURPOSE),
                201).path("id").asText();
        long openStart = System.nanoTime();
        SseLoad streams = new SseLoad(URI.create(optoutProcess.url() + "/v1/optouts/stream?account=" + account), token, subscribers, 2, MARKER,
                (at, change) -> {
                    int index = change - firstChange;
                    if (index >= 0 && index < changes) {
                        int k = sseCount.getAndIncrement(index);
                        if (k < subscribers) {
                            sseAt[index][k] = at;
                        }
                    }
                });
        long openDeadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (streams.ready() < subscribers) {
            if (System.nanoTime() > openDeadline || streams.closed() > 0) {
                streams.close();
                throw new IllegalStateException("SSE subscribers: " + streams.ready() + " of " + subscribers + " ready, " + streams.closed() + " closed");
            }
            Thread.sleep(50);
        }
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        int held = heldConnections();
        long rss = residentKiB(optoutProcess.pid());

        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int c = 0; c < changes; c++) {
            long due = start + c * periodNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            int change = firstChange + c;
            optout.send("POST", "/v1/optouts", token, """
                    {"changes": [{"accountId": "%s", "subject": {"kind": "user", "id": "bench-%d"}, "purpose": "%s", "optedOut": true}]}"""
                    .formatted(account, change, PURPOSE), 200);
            answeredAt.put(change, System.nanoTime());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((received(sseCount, subscribers) < (long) changes * subscribers || webhook.size() < changes) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long rssAfter = residentKiB(optoutProcess.pid());
        streams.close();
        receiver.stop(0);
        optout.send("DELETE", "/v1/webhooks/" + hookId, token, null, 204);

        Latencies sseLatencies = latencies(sseAt, sseCount, subscribers, firstChange);
        Latencies webhookLatencies = latencies(webhook, firstChange, changes);
        System.out.printf("%n%,d SSE subscribers on one replica (heap %s): opened in %.1f s, %,d connections held, RSS %,d KiB held, %,d KiB after the run%n",
                subscribers, Benchmarks.OPTOUT_HEAP, openSeconds, held, rss, rssAfter);
        report(sseLatencies, "2xx -> SSE receipt (" + subscribers + " subscribers)", seconds, hop, (long) changes * subscribers);
        report(webhookLatencies, "2xx -> webhook receipt", seconds, hop, changes);
        double p99 = sseLatencies.p(99);
        System.out.printf("goal at %,d subscribers: p99 <= 100 ms and <= 2 x raw hop p99 (%.1f ms): %s%n", subscribers, 2 * hop.p(99),
                p99 <= 100 && p99 <= 2 * hop.p(99) ? "met" : "MISSED");
        return firstChange + changes;
    }

    /** From the 2xx of a machine's opt-out to the first validation answer carrying its version, polled back to back. */
    private void validation(String account, String key, int rate, int seconds, Latencies hop) throws Exception {
        String fingerprint = "bench-machine-" + System.nanoTime();
        int changes = Math.max(10, rate * seconds / 4);
        long[] micros = new long[changes];
        for (int c = 0; c < changes; c++) {
            JsonNode answer = optout.send("POST", "/v1/optouts", token, """
                    {"changes": [{"accountId": "%s", "subject": {"kind": "machine", "id": "%s"}, "purpose": "%s", "optedOut": %s}]}"""
                    .formatted(account, fingerprint, PURPOSE, c % 2 == 0), 200);
            long t0 = System.nanoTime();
            long version = answer.at("/results/0/subjectVersion").asLong();
            String question = "{\"key\": \"" + key + "\", \"fingerprint\": \"" + fingerprint + "\"}";
            while (entitlement.send("POST", "/v1/licenses/validate", null, question, 200).at("/optOuts/machine/version").asLong() < version) {
                if (System.nanoTime() - t0 > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("validation did not see opt-out version " + version + " within 30 s");
                }
            }
            micros[c] = (System.nanoTime() - t0) / 1000;
            Thread.sleep(1000 / Math.max(1, rate));
        }
        Latencies latencies = Latencies.of(micros);
        System.out.println();
        report(latencies, "2xx -> validation answer carries it", seconds, hop, changes);
    }

    private static void report(Latencies latencies, String what, int seconds, Latencies hop, long expected) {
        System.out.printf("%s   p99 = %.1fx the raw hop's%s%n", latencies.line(what, seconds), latencies.p(99) / Math.max(0.001, hop.p(99)),
                latencies.count() < expected ? String.format("   WARNING: %,d of %,d receipts missing", expected - latencies.count(), expected) : "");
    }

    private static long received(AtomicIntegerArray counts, int most) {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += Math.min(most, counts.get(i));
        }
        return sum;
    }

    private Latencies latencies(long[][] at, AtomicIntegerArray counts, int subscribers, int firstChange) {
        long[] micros = new long[(int) received(counts, subscribers)];
        int n = 0;
        for (int i = 0; i < at.length; i++) {
            long t0 = answeredAt.get(firstChange + i);
            for (int k = 0; k < Math.min(subscribers, counts.get(i)); k++) {
                micros[n++] = Math.max(0, (at[i][k] - t0) / 1000); // a receipt before the 2xx counts as 0
            }
        }
        return Latencies.of(micros);
    }

    private Latencies latencies(ConcurrentLinkedQueue<Receipt> receipts, int firstChange, int changes) {
        List<Long> micros = new ArrayList<>();
        for (Receipt r : receipts) {
            Long t0 = answeredAt.get(r.change());
            if (t0 != null && r.change() >= firstChange && r.change() < firstChange + changes) {
                micros.add(Math.max(0, (r.at() - t0) / 1000)); // a receipt before the 2xx counts as 0
            }
        }
        return Latencies.of(micros.stream().mapToLong(Long::longValue).toArray());
    }

    /** The change a webhook's body is of: its subject "bench-N"; -1 for others. */
    private static int changeOf(String text) {
        int at = text.indexOf(MARKER);
        if (at < 0 || !text.contains("\"OptOutChanged\"")) {
            return -1;
        }
        int from = at + MARKER.length();
        int to = text.indexOf('"', from);
        try {
            return Integer.parseInt(text.substring(from, to));
        } catch (NumberFormatException | StringIndexOutOfBoundsException other) {
            return -1;
        }
    }

    private int heldConnections() {
        JsonNode health = optout.send("GET", "/q/health/ready", null, null, 200);
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals("optout-broadcast")) {
                return check.at("/data/subscribers").asInt();
            }
        }
        return -1;
    }

    private static long residentKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception unreadable) {
            // not on Linux
        }
        return -1;
    }
}
