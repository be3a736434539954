package io.licenseflow.testing.bench;

import io.licenseflow.testing.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The outbox hop: from a committed outbox insert to a Kafka consumer holding the record, through Debezium's
 * Outbox Event Router, at a steady rate. Baseline in the same run: the same rate produced straight to Kafka
 * (what the hop would cost without the outbox), so the ratio shows what CDC adds.
 *
 * <pre>./licenseflow bench [--rate 200] [--seconds 20] [--warmup 10]</pre>
 *
 * Each path first runs {@code --warmup} seconds at the same rate unmeasured: Kafka Connect is a separate JVM that
 * is cold right after the stack starts, and its first seconds (JIT compilation) are not the steady state.
 */
public final class OutboxHopBenchmark {

    private static final String DATABASE = "onboarding";
    private static final String AGGREGATE = "bench";
    private static final String CDC_TOPIC = "licenseflow." + AGGREGATE + ".events";
    private static final String BASELINE_TOPIC = "licenseflow.bench.baseline";

    public static void main(String[] args) throws Exception {
        int rate = intArg(args, "--rate", 200);
        int seconds = intArg(args, "--seconds", 20);
        int warmup = intArg(args, "--warmup", 10);
        Map<String, String> stack = LocalStack.platform();
        createTopics();
        System.out.printf("outbox hop benchmark: %d events/s measured for %d s after %d s of warm-up per path, test stack on Kafka %s%n",
                rate, seconds, warmup, LocalStack.kafkaBootstrap());

        long[] baseline = run(BASELINE_TOPIC, rate, seconds, warmup, baselineProducer());
        long[] cdc;
        try (Connection db = DriverManager.getConnection(LocalStack.jdbcUrl(DATABASE), stack.get("LF_PG_USER"), stack.get("LF_PG_PASSWORD"))) {
            if (!db.getMetaData().getTables(null, "public", "outbox", null).next()) {
                System.err.println("onboarding's outbox table is missing in the test stack: run ./licenseflow test once (its migrations create it)");
                System.exit(2);
            }
            cdc = run(CDC_TOPIC, rate, seconds, warmup, outboxWriter(db));
        }
        report("direct produce -> consume (baseline)", baseline, seconds);
        report("outbox commit -> Debezium -> consume", cdc, seconds);
        System.out.printf("ratio outbox/baseline: p50 %.1fx, p99 %.1fx%n",
                (double) percentile(cdc, 50) / Math.max(1, percentile(baseline, 50)),
                (double) percentile(cdc, 99) / Math.max(1, percentile(baseline, 99)));
    }

    /** Sends {@code rate} events a second for warm-up plus measured seconds; returns each measured event's hop in microseconds. */
    private static long[] run(String topic, int rate, int seconds, int warmup, Consumer<String> send) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread reader = new Thread(() -> read(topic, arrivedAt, reading, assigned), "bench-reader");
        reader.start();
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("consumer got no partitions of " + topic);
        }
        List<String> measured = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < rate * (warmup + seconds); i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String id = UUID.randomUUID().toString();
            send.accept(id);
            sentAt.put(id, System.nanoTime());
            if (i >= rate * warmup) {
                measured.add(id);
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!arrivedAt.keySet().containsAll(measured) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        reading.set(false);
        reader.join();
        long missing = measured.stream().filter(id -> !arrivedAt.containsKey(id)).count();
        if (missing > 0) {
            System.out.printf("WARNING: %d of %d events on %s did not arrive within 30 s%n", missing, measured.size(), topic);
        }
        // A hop can end before send() has returned (the baseline's often does): compare times afterwards.
        return measured.stream().filter(arrivedAt::containsKey)
                .mapToLong(id -> TimeUnit.NANOSECONDS.toMicros(Math.max(0, arrivedAt.get(id) - sentAt.get(id))))
                .sorted().toArray();
    }

    private static void read(String topic, Map<String, Long> arrivedAt, AtomicBoolean reading, CountDownLatch assigned) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            assigned.countDown();
            while (reading.get()) {
                for (var record : consumer.poll(Duration.ofMillis(20))) {
                    arrivedAt.putIfAbsent(record.key(), System.nanoTime());
                }
            }
        }
    }

    /** One transaction per event, as a service writes it (the row is the outbox row of onboarding-service's schema). */
    private static Consumer<String> outboxWriter(Connection db) throws Exception {
        PreparedStatement insert = db.prepareStatement("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, type, schemaversion, source, specversion, occurredat, payload, createdat)
                VALUES (?::uuid, ?, ?, 'BenchmarkPing', 1, '/licenseflow/benchmark', '1.0', ?, ?::jsonb, now())""");
        db.setAutoCommit(true);
        return id -> {
            try {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, AGGREGATE);
                insert.setString(3, id);
                insert.setString(4, Instant.now().toString());
                insert.setString(5, "{\"ping\":\"" + id + "\"}");
                insert.executeUpdate();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Consumer<String> baselineProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        return id -> producer.send(new ProducerRecord<>(BASELINE_TOPIC, id, "{\"ping\":\"" + id + "\"}"));
    }

    private static void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalStack.kafkaBootstrap()))) {
            var existing = admin.listTopics().names().get();
            var missing = List.of(CDC_TOPIC, BASELINE_TOPIC).stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    private static void report(String what, long[] hopsMicros, int seconds) {
        System.out.printf("%-40s n=%-5d (%.0f/s)  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, hopsMicros.length,
                hopsMicros.length / (double) seconds,
                percentile(hopsMicros, 50) / 1000.0, percentile(hopsMicros, 90) / 1000.0,
                percentile(hopsMicros, 99) / 1000.0, hopsMicros.length == 0 ? 0 : hopsMicros[hopsMicros.length - 1] / 1000.0);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static int intArg(String[] args, String name, int fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : fallback;
    }

    private OutboxHopBenchmark() {
    }
}
