package io.licenseflow.portal.account;

import io.quarkus.qute.TemplateData;
import java.util.Map;

/** One meter of a license's usage against its quota in the current window, with the bar's length for the chart. */
@TemplateData
public record MeterUse(String meter, long used, long quota, String period, Object windowStart, Object windowEnd, String overage, int percent,
        int barWidth, boolean over) {

    /** The chart's bar scale: a full bar is the quota; an overage runs on up to 150 %. */
    static final int FULL = 400;

    static MeterUse of(Map<String, Object> meter) {
        long used = number(meter.get("used"));
        long quota = number(meter.get("quota"));
        int percent = quota <= 0 ? 0 : (int) Math.min(999, Math.round(used * 100.0 / quota));
        int width = (int) Math.min(FULL * 1.5, quota <= 0 ? 0 : Math.round(FULL * (double) used / quota));
        @SuppressWarnings("unchecked")
        Map<String, Object> window = (Map<String, Object>) meter.getOrDefault("window", Map.of());
        return new MeterUse(String.valueOf(meter.get("meter")), used, quota, String.valueOf(meter.get("period")), window.get("start"), window.get("end"),
                String.valueOf(meter.get("overage")), percent, Math.max(width, used > 0 ? 2 : 0), used > quota);
    }

    public int fullWidth() {
        return FULL;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
