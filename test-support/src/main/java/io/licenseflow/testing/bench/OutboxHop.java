package io.licenseflow.testing.bench;

import io.licenseflow.testing.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The outbox hop: from a committed outbox insert to a Kafka consumer holding the record, through Debezium's Outbox
 * Event Router, at a steady rate; and, as its baseline, the same rate produced straight to Kafka and consumed the same
 * way. Rows go into onboarding-service's outbox (aggregate type {@code bench}, so topic licenseflow.bench.events, which
 * no service reads); the schema must exist, i.e. onboarding-service must have started once against the stack.
 *
 * <p>Each measurement first runs {@code warmup} seconds at the same rate, unmeasured: Kafka Connect is a separate JVM
 * that is cold right after the stack starts, and its first seconds (JIT compilation) are not the steady state.
 */
final class OutboxHop {

    private static final String DATABASE = "onboarding";
    private static final String AGGREGATE = "bench";
    private static final String CDC_TOPIC = "licenseflow." + AGGREGATE + ".events";
    private static final String BASELINE_TOPIC = "licenseflow.bench.baseline";

    private OutboxHop() {
    }

    /** Outbox commit → Debezium → consumer. */
    static Latencies throughDebezium(int rate, int seconds, int warmup) throws Exception {
        createTopics();
        Map<String, String> stack = LocalStack.platform();
        try (Connection db = DriverManager.getConnection(LocalStack.jdbcUrl(DATABASE), stack.get("LF_PG_USER"), stack.get("LF_PG_PASSWORD"))) {
            if (!db.getMetaData().getTables(null, "public", "outbox", null).next()) {
                throw new IllegalStateException("onboarding's outbox table is missing: start onboarding-service against the stack first");
            }
            return run(CDC_TOPIC, rate, seconds, warmup, outboxWriter(db));
        }
    }

    /** Produce → consume, nothing in between: what the hop would cost without the outbox. */
    static Latencies directToKafka(int rate, int seconds, int warmup) throws Exception {
        createTopics();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            return run(BASELINE_TOPIC, rate, seconds, warmup,
                    id -> producer.send(new ProducerRecord<>(BASELINE_TOPIC, id, "{\"ping\":\"" + id + "\"}")));
        }
    }

    /** Sends {@code rate} events a second for warm-up plus measured seconds; each measured event's hop. */
    private static Latencies run(String topic, int rate, int seconds, int warmup, Consumer<String> send) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        TopicTail tail = TopicTail.follow(topic, record -> arrivedAt.putIfAbsent(record.key(), System.nanoTime()));
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
        tail.close();
        long missing = measured.stream().filter(id -> !arrivedAt.containsKey(id)).count();
        if (missing > 0) {
            System.out.printf("WARNING: %d of %d events on %s did not arrive within 30 s%n", missing, measured.size(), topic);
        }
        // A hop can end before send() has returned (the baseline's often does): compare times afterwards.
        return Latencies.of(measured.stream().filter(arrivedAt::containsKey)
                .mapToLong(id -> TimeUnit.NANOSECONDS.toMicros(Math.max(0, arrivedAt.get(id) - sentAt.get(id)))).toArray());
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
}
