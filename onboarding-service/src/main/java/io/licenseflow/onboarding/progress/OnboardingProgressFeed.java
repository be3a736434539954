package io.licenseflow.onboarding.progress;

import io.licenseflow.commons.kafka.TopicFollower;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every onboarding event this service published, as Debezium put it on {@code licenseflow.onboarding.events}, read by
 * each replica from the topic's end (no consumer group) and handed to the replica's own stream subscribers. A signal,
 * not a state: subscribers read the onboarding again (a reconnect does the same, so nothing is lost by starting at the
 * end).
 */
@ApplicationScoped
public class OnboardingProgressFeed {

    private static final Logger LOG = Logger.getLogger(OnboardingProgressFeed.class);

    private final String bootstrap;
    private final BroadcastProcessor<ProgressSignal> signals = BroadcastProcessor.create();
    private volatile boolean live;
    private TopicFollower follower;

    public OnboardingProgressFeed(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent start) {
        follower = TopicFollower.start(bootstrap, Topics.ONBOARDING_EVENTS, end -> end, this::dispatch, () -> {
            live = true;
            LOG.info("onboarding progress feed live");
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        follower.close();
        signals.onComplete();
    }

    boolean isLive() {
        return live;
    }

    /** The signals of one account's onboarding; a subscriber that falls behind keeps only the latest. */
    Multi<ProgressSignal> of(UUID accountId) {
        return signals.filter(signal -> accountId.equals(signal.accountId())).onOverflow().dropPreviousItems();
    }

    private void dispatch(ConsumerRecord<String, String> record) {
        try {
            EventEnvelope event = EventJson.read(record.value());
            String account = event.payload() == null ? null : event.payload().path("accountId").asText(null);
            if (account != null) {
                signals.onNext(new ProgressSignal(UUID.fromString(account), event.id(), record.value()));
            }
        } catch (RuntimeException unreadable) {
            LOG.warnf("skipped an unreadable record at %s-%d@%d", record.topic(), record.partition(), record.offset());
        }
    }
}
