package io.licenseflow.portal.vendor;

import io.quarkus.qute.TemplateData;

/** One step of the onboarding funnel: how many onboardings reached it, as a share of all of them. */
@TemplateData
public record FunnelStep(String step, String name, int reached, int percent) {

    /** The bar's full width in the chart's units. */
    static final int BAR = 200;

    static FunnelStep of(String step, int reached, int total) {
        return new FunnelStep(step, step.replace('_', ' ').toLowerCase(), reached, total == 0 ? 0 : Math.round(reached * 100f / total));
    }

    public int barWidth() {
        return percent * BAR / 100;
    }
}
