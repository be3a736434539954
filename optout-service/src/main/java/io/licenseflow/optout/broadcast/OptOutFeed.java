package io.licenseflow.optout.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.commons.kafka.TopicFollower;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.Topics;
import io.licenseflow.events.optout.OptOutChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This replica's copy of the change topic, for its own subscribers. It reads every partition of
 * {@code licenseflow.optout.events} itself (assigned, no consumer group: every replica sees every change, and positions
 * are Kafka's own offsets, the same on every replica), from the end at start-up, and hands each change to the
 * subscribers whose filter matches. It keeps the last {@code licenseflow.broadcast.buffer} changes, so that a
 * subscriber resuming from a recent position is served from memory; an older position is caught up from Kafka
 * first. Joining (replay, then live) happens under the lock that dispatch takes, so a subscriber misses nothing and
 * gets nothing twice.
 */
@ApplicationScoped
public class OptOutFeed {

    private static final Logger LOG = Logger.getLogger(OptOutFeed.class);

    private final String bootstrap;
    private final int bufferSize;
    private final Map<Subscriber, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Deque<BroadcastEvent> recent = new ArrayDeque<>();
    private final Timer propagation;
    private volatile FeedPosition position;
    private TopicFollower follower;
    private final Semaphore catchUps;
    private final Duration catchUpTimeout;

    public OptOutFeed(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "licenseflow.broadcast.buffer") int bufferSize,
            @ConfigProperty(name = "licenseflow.broadcast.max-catch-ups") int maxCatchUps,
            @ConfigProperty(name = "licenseflow.broadcast.catch-up-timeout") Duration catchUpTimeout, MeterRegistry metrics) {
        this.catchUps = new Semaphore(maxCatchUps);
        this.catchUpTimeout = catchUpTimeout;
        this.bootstrap = bootstrap;
        this.bufferSize = bufferSize;
        metrics.gaugeMapSize("licenseflow.optout.subscribers", List.of(), subscriptions);
        this.propagation = Timer.builder("licenseflow.optout.propagation").description("From a change's commit to this replica's subscribers")
                .publishPercentileHistogram().register(metrics);
    }

    void start(@Observes StartupEvent start) {
        follower = TopicFollower.start(bootstrap, Topics.OPTOUT_EVENTS, this::startAt, this::dispatch,
                () -> LOG.infof("opt-out feed live at %s", position.encode()));
    }

    void stop(@Observes ShutdownEvent stop) {
        follower.close();
    }

    /** From the end at start-up; after a reconnect, where the feed stood, so that nothing is skipped. */
    private synchronized Map<Integer, Long> startAt(Map<Integer, Long> end) {
        if (position == null) {
            position = new FeedPosition(end);
        }
        return position.next();
    }

    /** Ready once the feed stands at the end of every partition. */
    public boolean isReady() {
        return position != null;
    }

    /**
     * Adds a subscriber, live from now ({@code from} null) or resuming after {@code from}: first every matching change
     * since, then live. Call from a thread that may block (catching up from Kafka does).
     */
    public void subscribe(Subscriber subscriber, FeedPosition from) {
        Subscription subscription = new Subscription(subscriber, from == null ? null : from.within(currentPosition()));
        while (true) {
            FeedPosition caughtUp = subscription.heard;
            if (caughtUp != null && !coveredByBuffer(caughtUp)) {
                caughtUp = catchUp(subscription, currentPosition());
            }
            synchronized (this) {
                // What was caught up to may have left the buffer meanwhile: then catch up again, from where it got.
                if (caughtUp != null && !coveredByBuffer(caughtUp)) {
                    continue;
                }
                List<Runnable> joining = new ArrayList<>();
                if (caughtUp != null) {
                    for (BroadcastEvent e : recent) {
                        if (caughtUp.precedes(e.partition(), e.offset())) {
                            subscription.offer(e, joining);
                        }
                    }
                }
                subscriptions.put(subscriber, subscription);
                FeedPosition live = subscription.joinedAt(position);
                joining.add(() -> subscriber.ready(live));
                subscriber.run(() -> joining.forEach(Runnable::run));
                return;
            }
        }
    }

    /**
     * Subscribes on a worker thread (catching up may block): a subscriber that cannot join is closed, to resume later;
     * one that closed meanwhile is let go; each is closed when the caller's token expires, so that a withdrawn right
     * does not outlive it (the client reconnects with its last id and a fresh token).
     */
    void join(Subscriber subscriber, SubscriptionRequest request) {
        if (request.expiresAt() != null) {
            subscriber.closeAt(request.expiresAt());
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                subscribe(subscriber, request.from());
            } catch (RuntimeException failed) {
                LOG.warnf("a subscriber could not join (it resumes later): %s", failed.toString());
                subscriber.run(subscriber::close);
                return;
            }
            if (subscriber.closed()) {
                unsubscribe(subscriber);
            }
        });
    }

    public void unsubscribe(Subscriber subscriber) {
        subscriptions.remove(subscriber);
    }

    /**
     * A subscriber and how far it has heard. Its event ids only ever move forward: one resuming on a replica that has
     * read less than the one it left hears nothing twice, and its next id still covers what it had.
     */
    private static final class Subscription {

        final Subscriber subscriber;
        private FeedPosition heard;

        Subscription(Subscriber subscriber, FeedPosition from) {
            this.subscriber = subscriber;
            this.heard = from;
        }

        /** Moves past {@code e}; adds its delivery to {@code deliveries} when the subscriber wants it. */
        void offer(BroadcastEvent e, List<Runnable> deliveries) {
            if (heard != null && !heard.precedes(e.partition(), e.offset())) {
                return;
            }
            heard = heard == null ? e.positionAfter() : heard.union(e.positionAfter());
            if (subscriber.filter().matches(e)) {
                FeedPosition id = heard;
                deliveries.add(() -> subscriber.deliver(e, id));
            }
        }

        FeedPosition joinedAt(FeedPosition feed) {
            heard = heard == null ? feed : heard.union(feed);
            return heard;
        }
    }

    public int subscriberCount() {
        return subscriptions.size();
    }

    public FeedPosition currentPosition() {
        FeedPosition p = position;
        if (p == null) {
            throw new IllegalStateException("the opt-out feed is not positioned yet");
        }
        return p;
    }

    private synchronized boolean coveredByBuffer(FeedPosition from) {
        Map<Integer, Long> oldest = new HashMap<>();
        for (BroadcastEvent e : recent) {
            oldest.putIfAbsent(e.partition(), e.offset());
        }
        for (var entry : position.next().entrySet()) {
            int partition = entry.getKey();
            long wanted = from.next(partition);
            if (wanted >= entry.getValue()) {
                continue; // nothing missed there
            }
            Long first = oldest.get(partition);
            if (first == null || first > wanted) {
                return false;
            }
        }
        return true;
    }

    /**
     * Delivers the matching changes between where the subscription stands and {@code to}, read from Kafka; answers
     * {@code to}. Bounded: at most {@code licenseflow.broadcast.max-catch-ups} at once per replica, each within
     * {@code licenseflow.broadcast.catch-up-timeout}, and abandoned when its subscriber goes away.
     */
    private FeedPosition catchUp(Subscription subscription, FeedPosition to) {
        FeedPosition from = subscription.heard;
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        try {
            if (!catchUps.tryAcquire(catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("too many subscribers are catching up; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (KafkaConsumer<String, String> reader = TopicFollower.newConsumer(bootstrap)) {
            List<TopicPartition> partitions = TopicFollower.partitions(reader, Topics.OPTOUT_EVENTS);
            reader.assign(partitions);
            for (TopicPartition tp : partitions) {
                reader.seek(tp, Math.max(from.next(tp.partition()), reader.beginningOffsets(List.of(tp)).get(tp)));
            }
            FeedPosition at = from;
            while (partitions.stream().anyMatch(tp -> reader.position(tp) < to.next(tp.partition()))) {
                if (System.nanoTime() > deadline || subscription.subscriber.closed()) {
                    throw new IllegalStateException("catching up did not finish; the subscriber resumes later");
                }
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < to.next(record.partition())) {
                        at = at.after(record.partition(), record.offset());
                        BroadcastEvent event = toEvent(record, at);
                        if (event != null) {
                            List<Runnable> delivery = new ArrayList<>(1);
                            subscription.offer(event, delivery);
                            delivery.forEach(subscription.subscriber::run);
                        }
                    }
                }
            }
            return to;
        } finally {
            catchUps.release();
        }
    }

    /** Every subscriber's heartbeat, handed to each event loop in one task as changes are. */
    @Scheduled(every = "${licenseflow.broadcast.heartbeat}")
    void heartbeat() {
        Map<Object, List<Subscriber>> byEventLoop = new HashMap<>();
        subscriptions.keySet().forEach(s -> byEventLoop.computeIfAbsent(s.group(), loop -> new ArrayList<>()).add(s));
        byEventLoop.values().forEach(subscribers -> subscribers.get(0).run(() -> subscribers.forEach(Subscriber::heartbeat)));
    }

    private synchronized void dispatch(ConsumerRecord<String, String> record) {
        position = position.after(record.partition(), record.offset());
        BroadcastEvent event = toEvent(record, position);
        if (event == null) {
            return;
        }
        recent.addLast(event);
        if (recent.size() > bufferSize) {
            recent.removeFirst();
        }
        // One task per event loop, not per subscriber: handing over is what costs at ten thousand subscribers.
        Map<Object, List<Runnable>> byEventLoop = new HashMap<>();
        Map<Object, Subscriber> anyOf = new HashMap<>();
        for (Subscription subscription : subscriptions.values()) {
            Object loop = subscription.subscriber.group();
            subscription.offer(event, byEventLoop.computeIfAbsent(loop, l -> new ArrayList<>()));
            anyOf.putIfAbsent(loop, subscription.subscriber);
        }
        byEventLoop.forEach((loop, deliveries) -> {
            if (!deliveries.isEmpty()) {
                anyOf.get(loop).run(() -> deliveries.forEach(Runnable::run));
            }
        });
        propagation.record(Duration.between(event.occurredAt(), Instant.now()));
    }

    private static BroadcastEvent toEvent(ConsumerRecord<String, String> record, FeedPosition after) {
        try {
            JsonNode event = EventJson.MAPPER.readTree(record.value());
            if (!OptOutChanged.TYPE.equals(event.path("type").asText())) {
                return null;
            }
            JsonNode payload = event.path("payload");
            return BroadcastEvent.of(record.partition(), record.offset(), after, Instant.parse(event.path("occurredAt").asText()),
                    UUID.fromString(payload.path("accountId").asText()),
                    payload.path("subject").path("kind").asText(), payload.path("subject").path("id").asText(), payload.path("purpose").asText(),
                    record.value());
        } catch (Exception unreadable) {
            LOG.warnf("skipping an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), unreadable.toString());
            return null;
        }
    }
}
