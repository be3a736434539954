package io.licenseflow.commons.optout;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.commons.kafka.TopicFollower;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.Topics;
import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.events.optout.SubjectOptOutState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every subject's current opt-outs, read from the compacted {@code licenseflow.optout-state.events} (whose last record
 * per subject is its state): validation answers, license tokens and usage reports look them up here, without a call to
 * optout-service (entitlement-service's validation and usage, notification-service's marketing notices). Each replica reads every partition from the beginning (assigned, no consumer group), and is ready
 * (readiness check {@code optout-view}) once it has read up to where the topic ended when it started. A record
 * older than what the view holds (a replay) changes nothing.
 */
@ApplicationScoped
@IfBuildProperty(name = OptOutView.ENABLED, stringValue = "true")
public class OptOutView {

    /** Build-time switch of the services that follow opt-outs (entitlement-service, notification-service). */
    public static final String ENABLED = "licenseflow.optout-view.enabled";

    private static final Logger LOG = Logger.getLogger(OptOutView.class);

    /**
     * One subject's state: its version, what it is opted out of, the purposes its state covers (a purpose its account
     * added later is not among them: its default applies), and for an account what its subjects are by default.
     */
    public record State(long version, List<String> optedOut, List<String> purposes, List<String> subjectDefaults) {
    }

    private final Map<String, State> bySubject = new ConcurrentHashMap<>();
    private final String bootstrap;
    private final Timer lag;
    private volatile boolean caughtUp;
    private TopicFollower follower;

    public OptOutView(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MeterRegistry metrics) {
        this.bootstrap = bootstrap;
        metrics.gaugeMapSize("licenseflow.optout.view.subjects", List.of(), bySubject);
        this.lag = Timer.builder("licenseflow.optout.view.lag").description("From an opt-out state's change to this replica's view")
                .publishPercentileHistogram().register(metrics);
    }

    void start(@Observes StartupEvent start) {
        follower = TopicFollower.start(bootstrap, Topics.OPTOUT_STATE_EVENTS, fromTheBeginning -> Map.of(), r -> apply(r.key(), r.value()), () -> {
            caughtUp = true;
            LOG.infof("opt-out view caught up: %d subjects", bySubject.size());
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        follower.close();
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public int size() {
        return bySubject.size();
    }

    /** The subject's state; null when it never changed (then its account's defaults apply). */
    public State get(UUID accountId, String kind, String subjectId) {
        return bySubject.get(key(accountId, kind, subjectId));
    }

    public State account(UUID accountId) {
        return get(accountId, OptOutSubject.ACCOUNT, accountId.toString());
    }

    /**
     * A subject's effective opt-outs: its state's, plus its account's defaults for purposes its state does not cover
     * (all of them, version 0, when it never chose anything); see docs/optout.md#enforcement.
     */
    public Effective effective(UUID accountId, String kind, String subjectId) {
        State account = account(accountId);
        List<String> defaults = account == null ? List.of() : account.subjectDefaults();
        if (OptOutSubject.ACCOUNT.equals(kind)) {
            return account == null ? new Effective(0, List.of()) : new Effective(account.version(), account.optedOut());
        }
        State state = get(accountId, kind, subjectId);
        if (state == null) {
            return new Effective(0, defaults);
        }
        java.util.TreeSet<String> optedOut = new java.util.TreeSet<>(state.optedOut());
        defaults.stream().filter(purpose -> !state.purposes().contains(purpose)).forEach(optedOut::add);
        return new Effective(state.version(), List.copyOf(optedOut));
    }

    /** What a subject is opted out of, and the version of its state that says so (0: none yet, its account's defaults). */
    public record Effective(long version, List<String> optedOut) {

        public boolean optedOutOf(String purpose) {
            return optedOut.contains(purpose);
        }
    }

    static String key(UUID accountId, String kind, String subjectId) {
        return accountId + ":" + kind + ":" + subjectId;
    }

    void apply(String key, String value) {
        if (value == null) {
            bySubject.remove(key);
            return;
        }
        JsonNode event;
        try {
            event = EventJson.MAPPER.readTree(value);
        } catch (Exception unreadable) {
            LOG.warnf("skipping an unreadable opt-out state of %s: %s", key, unreadable.toString());
            return;
        }
        if (!SubjectOptOutState.TYPE.equals(event.path("type").asText()) || event.path("schemaVersion").asInt() != SubjectOptOutState.SCHEMA_VERSION) {
            return;
        }
        JsonNode payload = event.path("payload");
        List<String> purposes = new ArrayList<>();
        payload.path("purposes").forEach(p -> purposes.add(p.path("purpose").asText()));
        State state = new State(payload.path("version").asLong(), strings(payload.path("optedOut")), List.copyOf(purposes),
                strings(payload.path("subjectDefaults")));
        bySubject.merge(key, state, (held, incoming) -> incoming.version() >= held.version() ? incoming : held);
        if (caughtUp && event.hasNonNull("occurredAt")) {
            lag.record(Duration.between(Instant.parse(event.path("occurredAt").asText()), Instant.now()));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return List.copyOf(strings);
    }
}
