package io.licenseflow.entitlement.validation;

import io.licenseflow.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps this replica's validation view fresh from the service's own license events (every change to a license,
 * its machines or its usage is one, keyed by license id). Each replica reads the whole topic in a consumer group of its
 * own, from the end, committing nothing: the view is rebuilt from the database whenever the partitions are assigned,
 * after the consumer is positioned, so no change falls between the rebuild and the first event. Not through
 * ProcessedEvents: every replica must apply every event, and a refresh is idempotent.
 */
@ApplicationScoped
@Identifier("validation-view")
public class ValidationViewFeed implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ValidationViewFeed.class);

    private final ViewRefresher refresher;
    private final Timer lag;

    public ValidationViewFeed(ViewRefresher refresher, MeterRegistry registry) {
        this.refresher = refresher;
        this.lag = Timer.builder("licenseflow.validation.view.lag")
                .description("From a license event's time to its change being in this replica's validation view")
                .publishPercentileHistogram().register(registry);
    }

    @Incoming("license-view")
    public void onLicenseEvent(ConsumerRecord<String, String> record) {
        UUID licenseId;
        try {
            licenseId = UUID.fromString(record.key());
        } catch (IllegalArgumentException | NullPointerException e) {
            return;
        }
        Instant occurred = occurredAt(record.value());
        refresher.refresh(licenseId).subscribe().with(done -> {
            if (occurred != null) {
                lag.record(Duration.between(occurred, Instant.now()));
            }
        });
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        LOG.infof("validation view: following %d partitions of the license events; rebuilding from the database", partitions.size());
        refresher.rebuild().subscribe().with(count -> { }, e -> LOG.errorf(e, "validation view rebuild failed"));
    }

    private static Instant occurredAt(String value) {
        try {
            return EventJson.read(value).occurredAt();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
