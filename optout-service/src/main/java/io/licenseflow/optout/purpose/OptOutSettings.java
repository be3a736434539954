package io.licenseflow.optout.purpose;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;

/** {@code licenseflow.optout.*}: see application.properties and docs/optout.md#defaults. */
@ConfigMapping(prefix = "licenseflow.optout")
public interface OptOutSettings {

    /** The jurisdiction of accounts and subjects that name none. */
    String defaultJurisdiction();

    /** Per jurisdiction (a code, a country, or EU for the EEA), the built-in purposes opted out of until a choice. */
    Map<String, List<String>> optedOutByDefault();

    /** Most changes one bulk request may carry. */
    int maxBulk();
}
