package io.licenseflow.portal.choices;

import io.licenseflow.portal.display.Dates;
import io.quarkus.qute.TemplateData;
import java.util.Map;

/** One change of the end user's choices, from the compliance log, in their words rather than the log's. */
@TemplateData
public record HistoryEntry(String when, String purpose, String now, String before, String how) {

    private static final Map<String, String> SOURCES = Map.of("portal", "in this portal", "api", "through the product",
            "gpc", "by your browser's Global Privacy Control signal", "admin", "by an administrator", "import", "imported from earlier records");
    private static final Map<String, String> BASES = Map.of("CHOICE", "your choice", "GPC", "Global Privacy Control", "DEFAULT", "the default");

    static HistoryEntry of(Map<?, ?> entry) {
        String source = String.valueOf(entry.get("source"));
        return new HistoryEntry(Dates.minute(entry.get("recordedAt")), Choice.title(String.valueOf(entry.get("purpose"))),
                Boolean.TRUE.equals(entry.get("optedOut")) ? "Opted out" : "Allowed", before(entry.get("previous")), SOURCES.getOrDefault(source, source));
    }

    /** The log's {@code previous}: {@code opted-out (CHOICE)}, {@code not-opted-out (DEFAULT)} and the like. */
    private static String before(Object previous) {
        if (previous == null) {
            return "";
        }
        String text = previous.toString();
        String state = text.startsWith("opted-out") ? "Opted out" : "Allowed";
        int open = text.indexOf('(');
        int close = text.indexOf(')', open + 1);
        String basis = open < 0 || close < 0 ? null : text.substring(open + 1, close);
        return basis == null ? state : state + " (" + BASES.getOrDefault(basis, basis.toLowerCase()) + ")";
    }
}
