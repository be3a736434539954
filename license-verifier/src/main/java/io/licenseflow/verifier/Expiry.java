package io.licenseflow.verifier;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Where a license stands against the end of its term, the same online and offline: before its end, or on a renewing
 * subscription, {@code VALID}; past it, {@code IN_GRACE_PERIOD} until the grace period (an ISO-8601 period, in UTC
 * calendar units) runs out, then {@code EXPIRED_ACCESS_MAINTAINED} when the type maintains access, else {@code EXPIRED}.
 *
 * @param expiresAt end of the current term; null for a perpetual license
 * @param gracePeriod ISO-8601 period after the end during which the license stays usable ({@code P0D} for none)
 * @param maintainsAccess whether the type keeps the license usable after expiry (with its last term's features)
 * @param renewsAutomatically a subscription that renews at its end: the end passing is not expiry
 */
public record Expiry(Instant expiresAt, String gracePeriod, boolean maintainsAccess, boolean renewsAutomatically) {

    /** The license's standing at {@code now}; {@code expired} when the issuer already declared it expired. */
    public ValidationCode at(Instant now, boolean expired) {
        boolean ended = expired || expiresAt != null && !renewsAutomatically && !now.isBefore(expiresAt);
        if (!ended) {
            return ValidationCode.VALID;
        }
        if (expiresAt != null && now.isBefore(graceEndsAt())) {
            return ValidationCode.IN_GRACE_PERIOD;
        }
        return maintainsAccess ? ValidationCode.EXPIRED_ACCESS_MAINTAINED : ValidationCode.EXPIRED;
    }

    /** When the grace period after the current term ends; null for a perpetual license. */
    public Instant graceEndsAt() {
        if (expiresAt == null) {
            return null;
        }
        return gracePeriod == null ? expiresAt : expiresAt.atZone(ZoneOffset.UTC).plus(Period.parse(gracePeriod)).toInstant();
    }
}
