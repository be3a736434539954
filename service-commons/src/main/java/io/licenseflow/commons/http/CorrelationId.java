package io.licenseflow.commons.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The id that ties a request to everything it causes: its response ({@code X-Correlation-Id}), its problem
 * body, and every log line written while serving it (MDC key {@code correlationId}, which Quarkus keeps in the
 * request's Vert.x context). A caller may send its own id; one is generated otherwise.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    static boolean isValid(String candidate) {
        return VALID.matcher(candidate).matches();
    }

    static String generate() {
        return UUID.randomUUID().toString();
    }

    static void set(String id) {
        MDC.put(MDC_KEY, id);
    }
}
