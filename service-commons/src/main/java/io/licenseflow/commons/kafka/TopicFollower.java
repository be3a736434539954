package io.licenseflow.commons.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every partition of one topic on its own thread, assigned rather than in a consumer group: for a view that every
 * replica keeps whole (a table from a compacted topic, a broadcast to the replica's own subscribers), where positions
 * are Kafka's own offsets. On each (re)connect it asks where to start, given each partition's end offset (a partition
 * left out starts at its beginning), and reports once it has read up to where the topic ended then. Consumer-group
 * consumers (each event applied once by one replica) use {@code @Incoming} and ProcessedEvents instead.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);

    private final String bootstrap;
    private final String topic;
    private final UnaryOperator<Map<Integer, Long>> startAt;
    private final Consumer<ConsumerRecord<String, String>> onRecord;
    private final Runnable onCaughtUp;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;

    private TopicFollower(String bootstrap, String topic, UnaryOperator<Map<Integer, Long>> startAt, Consumer<ConsumerRecord<String, String>> onRecord,
            Runnable onCaughtUp) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.startAt = startAt;
        this.onRecord = onRecord;
        this.onCaughtUp = onCaughtUp;
    }

    /**
     * Starts following {@code topic}: {@code startAt} maps the end offsets to the offsets to read from, {@code onRecord}
     * gets each record in order per partition, {@code onCaughtUp} runs after each (re)connect's catching up.
     */
    public static TopicFollower start(String bootstrap, String topic, UnaryOperator<Map<Integer, Long>> startAt,
            Consumer<ConsumerRecord<String, String>> onRecord, Runnable onCaughtUp) {
        TopicFollower follower = new TopicFollower(bootstrap, topic, startAt, onRecord, onCaughtUp);
        Thread.ofPlatform().name("follow-" + topic).daemon().start(follower::run);
        return follower;
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** A consumer outside any group, for reading a topic directly (as a follower does, or a one-off read back). */
    public static KafkaConsumer<String, String> newConsumer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A topic exists once its producer published to it; asking for it creates it as that would (the broker's defaults).
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Every partition of {@code topic}; throws when it cannot be had. */
    public static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException(topic + " does not exist yet");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        return partitions;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = newConsumer(bootstrap)) {
                consumer = c;
                List<TopicPartition> partitions = partitions(c, topic);
                c.assign(partitions);
                Map<TopicPartition, Long> end = c.endOffsets(partitions);
                Map<Integer, Long> endByPartition = new HashMap<>();
                end.forEach((tp, offset) -> endByPartition.put(tp.partition(), offset));
                Map<Integer, Long> start = startAt.apply(Map.copyOf(endByPartition));
                for (TopicPartition tp : partitions) {
                    Long offset = start.get(tp.partition());
                    if (offset == null) {
                        c.seekToBeginning(List.of(tp));
                    } else {
                        c.seek(tp, offset);
                    }
                }
                boolean caughtUp = false;
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                        onRecord.accept(record);
                    }
                    if (!caughtUp && partitions.stream().allMatch(tp -> c.position(tp) >= end.get(tp))) {
                        caughtUp = true;
                        onCaughtUp.run();
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("following %s failed, reconnecting: %s", topic, e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
