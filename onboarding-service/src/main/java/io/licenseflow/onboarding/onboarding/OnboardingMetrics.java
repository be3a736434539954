package io.licenseflow.onboarding.onboarding;

import io.licenseflow.events.onboarding.OnboardingStep;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The saga's figures (every series registered at start, at zero, so that the first event after a start counts in
 * increase() and the alerts' selectors find the series): onboardings started, completed and failed (by step and reason), stalled (by step), how long
 * each step took (histograms; ACTIVATED's is the time from key assignment to the first activation), events ignored
 * (by reason), and how many onboardings stand at each step and status (read from the database every 30 s, so every
 * replica reports the same).
 */
@ApplicationScoped
public class OnboardingMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> standing = new ConcurrentHashMap<>();
    private final Map<OnboardingStep, Timer> stepDurations = new java.util.EnumMap<>(OnboardingStep.class);

    public OnboardingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (OnboardingStep step : OnboardingStep.values()) {
            for (OnboardingStatus status : OnboardingStatus.values()) {
                AtomicLong value = new AtomicLong();
                standing.put(step + "/" + status, value);
                registry.gauge("licenseflow.onboardings", io.micrometer.core.instrument.Tags.of("step", step.name(), "status", status.name()), value);
            }
            registry.counter("licenseflow.onboarding.stalled", "step", step.name());
            stepDurations.put(step, Timer.builder("licenseflow.onboarding.step.duration").description("time from the previous step's confirmation to this one's")
                    .tag("step", step.name()).publishPercentileHistogram().register(registry));
        }
        registry.counter("licenseflow.onboarding.started");
        registry.counter("licenseflow.onboarding.completed");
    }

    void started() {
        registry.counter("licenseflow.onboarding.started").increment();
    }

    void completed() {
        registry.counter("licenseflow.onboarding.completed").increment();
    }

    void failed(OnboardingStep step, String reason) {
        registry.counter("licenseflow.onboarding.failed", "step", step.name(), "reason", reason).increment();
    }

    void stalled(OnboardingStep waitingFor) {
        registry.counter("licenseflow.onboarding.stalled", "step", waitingFor.name()).increment();
    }

    void ignored(String reason) {
        registry.counter("licenseflow.onboarding.events.ignored", "reason", reason).increment();
    }

    void stepTook(OnboardingStep step, Duration duration) {
        stepDurations.get(step).record(duration);
    }

    @Scheduled(identity = "onboarding-gauges", every = "${licenseflow.onboarding.gauges-every:30s}", delayed = "5s")
    Uni<Void> refresh() {
        return Panache.withSession(() -> Onboarding.getSession().chain(session -> session
                        .createSelectionQuery("select o.step, o.status, count(o) from Onboarding o group by o.step, o.status", Object[].class)
                        .getResultList()))
                .invoke(rows -> {
                    standing.values().forEach(v -> v.set(0));
                    for (Object[] row : rows) {
                        standing.get(row[0] + "/" + row[1]).set((Long) row[2]);
                    }
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
