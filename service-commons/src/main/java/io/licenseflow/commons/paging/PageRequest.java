package io.licenseflow.commons.paging;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters of every list endpoint ({@code @BeanParam PageRequest page}): {@code limit} (1–200, default
 * 50) and {@code after}, the opaque {@code next} cursor of the previous page. Keyset paging: a page does not shift
 * when rows are added before it.
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    @RestQuery
    String limit;

    @RestQuery
    String after;

    public PageRequest() {
    }

    public PageRequest(String limit, String after) {
        this.limit = limit;
        this.after = after;
    }

    public int limit() {
        return limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** A {@code limit} parameter's value: {@code otherwise} when absent, 1 to {@code most} (400 invalid-parameter else). */
    public static int limit(String text, int otherwise, int most) {
        if (text == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= most) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ProblemException(ProblemCode.INVALID_PARAMETER, "limit", "must be a whole number from 1 to " + most);
    }

    /** The position to continue after, or null for the first page. */
    public Cursor after() {
        return after == null ? null : Cursor.decode(after);
    }
}
