package io.licenseflow.optout.audit;

import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * A page of log entries in sequence order; {@code next} is the {@code after} of the next page (a sequence number),
 * null on the last.
 */
public record LogPage(List<LogEntryView> items, String next) {

    public static Uni<LogPage> read(String where, Map<String, Object> parameters, String after, String limitText) {
        int limit = PageRequest.limit(limitText, PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT);
        long from = afterSequence(after);
        Parameters query = Parameters.with("after", from);
        parameters.forEach(query::and);
        return ComplianceEntry.<ComplianceEntry>find("(" + where + ") and seq > :after order by seq", query).page(0, limit + 1).list()
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<ComplianceEntry> shown = more ? rows.subList(0, limit) : rows;
                    return new LogPage(shown.stream().map(LogEntryView::of).toList(), more ? Long.toString(shown.get(limit - 1).seq) : null);
                });
    }

    public static long afterSequence(String after) {
        if (after == null) {
            return 0;
        }
        try {
            long value = Long.parseLong(after);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException malformed) {
            // answered below
        }
        throw new ProblemException(ProblemCode.INVALID_PARAMETER, "after", "must be the 'next' value of a previous page");
    }
}
