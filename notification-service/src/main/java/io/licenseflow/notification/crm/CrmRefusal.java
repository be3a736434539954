package io.licenseflow.notification.crm;

import java.time.Duration;

/**
 * A push that failed: {@code permanent} when the CRM refused the record for good (a 4xx other than 408 and 429), not
 * when it was unavailable, too busy or did not answer; {@code retryAfter} when it said when to come back.
 */
public class CrmRefusal extends RuntimeException {

    private final Integer httpStatus;
    private final boolean permanent;
    private final Duration retryAfter;

    public CrmRefusal(Integer httpStatus, String reason, boolean permanent, Duration retryAfter) {
        super(reason.length() <= 500 ? reason : reason.substring(0, 500), null, false, false);
        this.httpStatus = httpStatus;
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public boolean permanent() {
        return permanent;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
