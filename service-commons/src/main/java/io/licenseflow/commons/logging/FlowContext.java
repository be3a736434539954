package io.licenseflow.commons.logging;

import java.util.List;
import org.jboss.logging.MDC;

/**
 * The ids every log line of a flow carries (as MDC keys, which the JSON log format writes as fields): the correlation
 * id, and the account, onboarding, license and event the line is about. Requests get their correlation id from
 * {@code io.licenseflow.commons.http.RequestGuard}; consumers set theirs from the event they apply.
 */
public final class FlowContext {

    public static final String ACCOUNT = "accountId";
    public static final String ONBOARDING = "onboardingId";
    public static final String LICENSE = "licenseId";
    public static final String EVENT = "eventId";
    public static final String EVENT_TYPE = "eventType";
    private static final List<String> KEYS = List.of(CorrelationId.MDC_KEY, ACCOUNT, ONBOARDING, LICENSE, EVENT, EVENT_TYPE);

    private FlowContext() {
    }

    /** Tags the following log lines of this flow; a null value is ignored. */
    public static void put(String key, Object value) {
        if (value != null) {
            MDC.put(key, value.toString());
        }
    }

    /** Forgets every id of the flow, so that none leaks into an unrelated one handled on the same context. */
    public static void clear() {
        KEYS.forEach(MDC::remove);
    }
}
