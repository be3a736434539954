package io.licenseflow.portal.vendor;

import io.quarkus.qute.TemplateData;
import java.util.Map;

/** One step of the onboarding funnel: how many onboardings reached it, as a share of all of them. */
@TemplateData
public record FunnelStep(String step, String name, long reached, long waiting, int percent) {

    /** The bar's full width in the chart's units. */
    static final int BAR = 200;

    /** From a step of onboarding-service's funnel ({@code step}, {@code reached}, {@code waiting}). */
    static FunnelStep of(Map<?, ?> step, long total) {
        String name = String.valueOf(step.get("step"));
        long reached = ((Number) step.get("reached")).longValue();
        return new FunnelStep(name, name.replace('_', ' ').toLowerCase(), reached, ((Number) step.get("waiting")).longValue(),
                total == 0 ? 0 : Math.round(reached * 100f / total));
    }

    public int barWidth() {
        return percent * BAR / 100;
    }
}
