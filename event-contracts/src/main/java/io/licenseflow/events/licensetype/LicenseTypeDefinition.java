package io.licenseflow.events.licensetype;

import java.util.List;

/**
 * What a vendor defines once per license type; every issued license keeps the version it was issued under.
 * Periods are ISO-8601 periods ({@code P1Y}, {@code P30D}), durations ISO-8601 durations ({@code PT10M}). The JSON
 * shape of the API ({@code /v1/license-types}) and of {@link LicenseTypePublished}; schema
 * {@code schemas/license-type-published.v1.json}.
 */
public record LicenseTypeDefinition(
        String name,
        String displayName,
        LicenseDuration duration,
        String gracePeriod,
        ExpirationBehaviour expirationBehaviour,
        List<String> entitlements,
        List<UsageRule> usageRules,
        Seats seats,
        String checkInInterval) {

    /** How long a license runs: a fixed term, forever, or a subscription renewing each period. */
    public record LicenseDuration(Kind kind, String period) {

        public enum Kind { FIXED_TERM, PERPETUAL, SUBSCRIPTION }
    }

    /** After expiry (and its grace period): access is restricted, or maintained with the features of the last term. */
    public enum ExpirationBehaviour { RESTRICT_ACCESS, MAINTAIN_ACCESS }

    /**
     * A named meter with a quota per period. Over the quota, {@code DENY} refuses; {@code ALLOW_AND_FLAG} accepts and
     * flags, up to {@code overageFactor} × quota when set.
     */
    public record UsageRule(String meter, Long quota, QuotaPeriod period, Overage overage, Double overageFactor) {

        public enum QuotaPeriod { DAY, MONTH, LICENSE_TERM }

        public enum Overage { DENY, ALLOW_AND_FLAG }
    }

    /**
     * Machines a license may run on: node-locked (each activation holds a seat until deactivated) or floating (a seat is
     * held while heartbeats arrive within {@code heartbeatTtl}). {@code limit} seats by default; a purchaser may ask for
     * up to {@code maxLimit} when set.
     */
    public record Seats(Model model, Integer limit, Integer maxLimit, String heartbeatTtl) {

        public enum Model { NODE_LOCKED, FLOATING }
    }
}
