package io.licenseflow.optout.purpose;

import java.util.List;
import java.util.Optional;

/** The purposes every account has. Their names are part of the API and of the events: never renamed. */
public final class BuiltInPurposes {

    public static final String SALE_OR_SHARING = "sale-or-sharing";

    public static final List<Purpose> ALL = List.of(
            builtIn("telemetry", "Technical signals about how the product runs: version, platform, performance, error counts."),
            builtIn("usage-analytics", "Which features are used and how often, to improve the product."),
            builtIn("crash-reports", "Diagnostic reports sent when the product crashes, which may include what was on screen."),
            builtIn("marketing-email", "Emails about offers, news and events (not notices about your license)."),
            builtIn(SALE_OR_SHARING, "Selling personal information, or sharing it for advertising across other companies' sites and apps (CCPA)."),
            builtIn("personalization", "Tailoring content and recommendations to you from what you do in the product."));

    private BuiltInPurposes() {
    }

    public static Optional<Purpose> named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static Purpose builtIn(String name, String description) {
        return new Purpose(name, description, true, null);
    }
}
