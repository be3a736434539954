package io.licenseflow.portal.choices;

import io.licenseflow.portal.display.Dates;
import io.quarkus.qute.TemplateData;
import java.util.Map;

/** One purpose as the end user sees it: what it means, whether they are opted out, and why (their choice, GPC, the default). */
@TemplateData
public record Choice(String purpose, String title, String description, boolean optedOut, String basis, String explanation) {

    private static final Map<String, String> TITLES = Map.of(
            "telemetry", "Telemetry",
            "usage-analytics", "Usage analytics",
            "crash-reports", "Crash reports",
            "marketing-email", "Marketing email",
            "sale-or-sharing", "Sale or sharing of your personal information",
            "personalization", "Personalization");

    static Choice of(Map<String, Object> state) {
        String purpose = (String) state.get("purpose");
        boolean optedOut = Boolean.TRUE.equals(state.get("optedOut"));
        String basis = String.valueOf(state.get("basis"));
        return new Choice(purpose, title(purpose), (String) state.get("description"), optedOut, basis, explain(basis, state, optedOut));
    }

    static String title(String purpose) {
        String known = TITLES.get(purpose);
        if (known != null) {
            return known;
        }
        String words = purpose.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String explain(String basis, Map<String, Object> state, boolean optedOut) {
        String since = Dates.day(state.get("effectiveAt"));
        return switch (basis) {
            case "CHOICE" -> "Your choice" + (since.isEmpty() ? "" : ", since " + since) + ".";
            case "GPC" -> "Opted out because your browser sends Global Privacy Control" + (since.isEmpty() ? "" : " (honoured " + since + ")") + ".";
            default -> (optedOut ? "Opted out by default" : "Allowed by default") + " where you live (" + state.get("jurisdiction")
                    + "). You have not chosen yet.";
        };
    }
}
