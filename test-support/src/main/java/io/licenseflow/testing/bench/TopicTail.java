package io.licenseflow.testing.bench;

import io.licenseflow.testing.LocalStack;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a topic from its current end, in its own consumer group, handing each record to {@code handler} as soon as
 * it arrives (fetches wait at most 10 ms, so the tail adds little to what a benchmark measures). Started only once it
 * holds its partitions and is positioned, so nothing sent after {@link #follow} returns is missed.
 */
final class TopicTail implements AutoCloseable {

    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Thread reader;

    private TopicTail(String topic, Consumer<ConsumerRecord<String, String>> handler, CountDownLatch positioned) {
        reader = new Thread(() -> read(topic, handler, positioned), "bench-tail-" + topic);
    }

    static TopicTail follow(String topic, Consumer<ConsumerRecord<String, String>> handler) throws InterruptedException {
        CountDownLatch positioned = new CountDownLatch(1);
        TopicTail tail = new TopicTail(topic, handler, positioned);
        tail.reader.start();
        if (!positioned.await(60, TimeUnit.SECONDS)) {
            tail.close();
            throw new IllegalStateException("no partitions of " + topic + " within 60 s");
        }
        return tail;
    }

    private void read(String topic, Consumer<ConsumerRecord<String, String>> handler, CountDownLatch positioned) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (reading.get() && consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            positioned.countDown();
            while (reading.get()) {
                consumer.poll(Duration.ofMillis(20)).forEach(handler);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        reading.set(false);
        reader.join();
    }
}
