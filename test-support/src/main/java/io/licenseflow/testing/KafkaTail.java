package io.licenseflow.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record published to a topic after the tail was opened, in all partitions: for asserting what did NOT
 * get published while something happened (open, act, then await a marker record and look at what came before).
 */
public final class KafkaTail implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private KafkaTail(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, not at the first poll
    }

    public static KafkaTail open(String topic) {
        return new KafkaTail(topic);
    }

    /** Polls until a record matches or {@code timeout} passes; everything read is kept in {@link #seen()}. */
    public Optional<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
                if (match.test(record)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    /** Keeps reading for {@code period}, for records in other partitions that belong before the awaited one. */
    public List<ConsumerRecord<String, String>> drain(Duration period) {
        await(record -> false, period);
        return seen();
    }

    public List<ConsumerRecord<String, String>> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
