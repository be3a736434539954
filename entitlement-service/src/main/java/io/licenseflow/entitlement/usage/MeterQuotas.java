package io.licenseflow.entitlement.usage;

import io.licenseflow.events.licensetype.LicenseTypeDefinition.UsageRule;
import io.licenseflow.verifier.MeterQuota;

/** A type's usage rule as the quota that metering, validation and license tokens judge by (one arithmetic of the cap). */
public final class MeterQuotas {

    private MeterQuotas() {
    }

    public static MeterQuota of(UsageRule rule) {
        return new MeterQuota(rule.meter(), rule.quota(), rule.period().name(), rule.overage().name(), rule.overageFactor());
    }
}
