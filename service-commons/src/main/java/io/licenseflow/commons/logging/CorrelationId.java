package io.licenseflow.commons.logging;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The id that ties a request to everything it causes: its response ({@code X-Correlation-Id}), its problem body, the
 * events it leads to, and every log line written meanwhile (MDC key {@code correlationId}, which Quarkus keeps in the
 * request's Vert.x context). A caller may send its own id (1–128 visible ASCII characters, no quotes or backslashes);
 * anything else is ignored and an id generated, so that a tracing proxy with another format breaks nothing. A scheduled
 * job's run has an id of its own, {@code scheduled:<job>:<uuid>}; callers cannot use that prefix, so what a job did is
 * told apart from what a request did.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String SCHEDULED_PREFIX = "scheduled:";
    private static final Pattern USABLE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");

    private CorrelationId() {
    }

    /** The current request's or event's id, or null outside one. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The caller's id when usable, a new one otherwise. */
    public static String from(String sent) {
        return sent != null && USABLE.matcher(sent).matches() && !sent.startsWith(SCHEDULED_PREFIX) ? sent : UUID.randomUUID().toString();
    }

    /** Starts a run of a scheduled job: everything it logs and publishes carries {@code scheduled:<job>:<uuid>}. */
    public static void startScheduledRun(String job) {
        set(SCHEDULED_PREFIX + job + ":" + UUID.randomUUID());
    }

    public static void set(String id) {
        MDC.put(MDC_KEY, id);
    }
}
