package io.licenseflow.onboarding.onboarding;

import io.licenseflow.events.onboarding.OnboardingStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The onboarding funnel: how many onboardings there are by status, and per step how many reached it and wait for it. */
public record FunnelView(long total, Map<String, Long> byStatus, List<Step> steps, Instant at) {

    public record Step(OnboardingStep step,
            @Schema(description = "onboardings whose step was confirmed (retried ones count once)") long reached,
            @Schema(description = "open onboardings (in progress or stalled) waiting for this step now") long waiting) {
    }

    /** From the counts by status, confirmations by step, and open onboardings by their last confirmed step. */
    static FunnelView of(Map<OnboardingStatus, Long> byStatus, Map<OnboardingStep, Long> confirmed, Map<OnboardingStep, Long> openAt) {
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (OnboardingStatus status : OnboardingStatus.values()) {
            statuses.put(status.name(), byStatus.getOrDefault(status, 0L));
        }
        List<Step> steps = new ArrayList<>();
        OnboardingStep[] order = OnboardingStep.values();
        for (int i = 0; i < order.length; i++) {
            long waiting = i == 0 ? 0 : openAt.getOrDefault(order[i - 1], 0L);
            steps.add(new Step(order[i], confirmed.getOrDefault(order[i], 0L), waiting));
        }
        long total = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new FunnelView(total, statuses, steps, Instant.now());
    }

    static <E extends Enum<E>> Map<E, Long> counts(Class<E> type, List<Object[]> rows) {
        Map<E, Long> counts = new EnumMap<>(type);
        rows.forEach(row -> counts.put(type.cast(row[0]), (Long) row[1]));
        return counts;
    }
}
