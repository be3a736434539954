package io.licenseflow.entitlement.license;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** Term arithmetic. Periods count in UTC calendar units: P1M from 31 January ends on the last day of February. */
public final class LicenseTerms {

    private LicenseTerms() {
    }

    public static Instant plus(Instant from, String period) {
        return from.atZone(ZoneOffset.UTC).plus(Period.parse(period)).toInstant();
    }

    public static Instant minus(Instant from, String period) {
        return from.atZone(ZoneOffset.UTC).minus(Period.parse(period)).toInstant();
    }
}
