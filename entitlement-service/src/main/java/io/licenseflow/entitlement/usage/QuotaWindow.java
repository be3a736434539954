package io.licenseflow.entitlement.usage;

import io.licenseflow.entitlement.license.License;
import io.licenseflow.entitlement.license.LicenseTerms;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.UsageRule.QuotaPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The period a usage counts in: the UTC day, the UTC calendar month, or the license's current term ([start, end);
 * a perpetual license's term has no end).
 */
public record QuotaWindow(Instant start, Instant end) {

    public static QuotaWindow of(QuotaPeriod period, License license, Instant now) {
        return of(period, license.startsAt, license.expiresAt, license.termPeriod, now);
    }

    /** The window at {@code now} of a license that started at {@code startsAt} and whose current term ends at {@code expiresAt}. */
    public static QuotaWindow of(QuotaPeriod period, Instant startsAt, Instant expiresAt, String termPeriod, Instant now) {
        return switch (period) {
            case DAY -> {
                Instant start = now.truncatedTo(ChronoUnit.DAYS);
                yield new QuotaWindow(start, start.plus(1, ChronoUnit.DAYS));
            }
            case MONTH -> {
                LocalDate first = now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
                yield new QuotaWindow(first.atStartOfDay(ZoneOffset.UTC).toInstant(), first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            case LICENSE_TERM -> expiresAt == null || termPeriod == null
                    ? new QuotaWindow(startsAt, null)
                    : new QuotaWindow(LicenseTerms.minus(expiresAt, termPeriod), expiresAt);
        };
    }
}
