package io.licenseflow.optout.purpose;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a subject is opted out of before it makes any choice: per jurisdiction for the built-in purposes (looked up
 * by the exact code, e.g. {@code US-CA}, then its country, then {@code EU} for a country of the EEA), and as the
 * account set it for a purpose it added. An explicit choice always beats a default.
 */
@ApplicationScoped
public class OptOutDefaults {

    public static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    /** EU member states and the other EEA countries, where the GDPR applies. */
    private static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private final OptOutSettings settings;

    public OptOutDefaults(OptOutSettings settings) {
        this.settings = settings;
    }

    public String defaultJurisdiction() {
        return settings.defaultJurisdiction();
    }

    public boolean optedOutByDefault(Purpose purpose, String jurisdiction) {
        if (purpose.optedOutByDefault() != null) {
            return purpose.optedOutByDefault();
        }
        return builtInDefaults(jurisdiction).contains(purpose.name());
    }

    private List<String> builtInDefaults(String jurisdiction) {
        var table = settings.optedOutByDefault();
        String country = jurisdiction.substring(0, 2);
        if (table.containsKey(jurisdiction)) {
            return table.get(jurisdiction);
        }
        if (table.containsKey(country)) {
            return table.get(country);
        }
        return EEA.contains(country) ? table.getOrDefault("EU", List.of()) : List.of();
    }
}
