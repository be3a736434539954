package io.licenseflow.portal.display;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Times as people read them (UTC, stated), from the services' ISO-8601 instants. */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {
    }

    public static String day(Object iso) {
        return format(iso, DAY);
    }

    public static String minute(Object iso) {
        return format(iso, MINUTE);
    }

    private static String format(Object iso, DateTimeFormatter format) {
        if (iso == null) {
            return "";
        }
        try {
            return format.format(Instant.parse(iso.toString()));
        } catch (DateTimeParseException notAnInstant) {
            return iso.toString();
        }
    }
}
