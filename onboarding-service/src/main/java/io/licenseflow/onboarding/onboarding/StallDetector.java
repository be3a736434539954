package io.licenseflow.onboarding.onboarding;

import io.licenseflow.commons.logging.CorrelationId;
import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Surfaces onboardings that wait too long for a step: STALLED in the read model, the metric
 * licenseflow_onboarding_stalled_total and an OnboardingStalled event. The limits are per awaited step
 * ({@code licenseflow.onboarding.stall-after.<step>}, defaults in application.properties).
 */
@ApplicationScoped
public class StallDetector {

    private static final Logger LOG = Logger.getLogger(StallDetector.class);

    @ConfigMapping(prefix = "licenseflow.onboarding")
    public interface Limits {

        /** Awaited step (key-assigned, activated, usage-verified) → how long it may take. */
        Map<String, Duration> stallAfter();

        /** How often the check runs (read by the schedule below). */
        Duration stallCheckEvery();
    }

    private final OnboardingSteps steps;
    private final Limits limits;

    public StallDetector(OnboardingSteps steps, Limits limits) {
        this.steps = steps;
        this.limits = limits;
    }

    @Scheduled(identity = "onboarding-stall-check", every = "${licenseflow.onboarding.stall-check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        FlowContext.clear();
        CorrelationId.startScheduledRun("stall-check");
        return Multi.createFrom().iterable(limits.stallAfter().entrySet())
                .onItem().transformToUniAndConcatenate(limit -> Panache.withTransaction(
                        () -> steps.markStalled(OnboardingStep.valueOf(limit.getKey().toUpperCase(Locale.ROOT).replace('-', '_')), limit.getValue())))
                .collect().asList()
                .onFailure().invoke(e -> LOG.warnf("stall check failed, will retry at the next run: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
