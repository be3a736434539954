package io.licenseflow.verifier;

/**
 * A meter of a license and its quota per period ({@code DAY}, {@code MONTH}, {@code LICENSE_TERM}). Under {@code DENY}
 * the quota is the cap; under {@code ALLOW_AND_FLAG} the cap is {@code overageFactor} × quota, or there is none.
 */
public record MeterQuota(String meter, long quota, String period, String overage, Double overageFactor) {

    /** The most that may be used in one period, or -1 for no cap. */
    public long cap() {
        if ("DENY".equals(overage)) {
            return quota;
        }
        return overageFactor == null ? -1 : (long) Math.floor(quota * overageFactor);
    }

    /** Whether {@code used} units in the current period leave no room under the cap. */
    public boolean exhaustedBy(long used) {
        long cap = cap();
        return cap >= 0 && used >= cap;
    }
}
