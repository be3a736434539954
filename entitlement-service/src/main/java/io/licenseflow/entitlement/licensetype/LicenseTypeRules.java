package io.licenseflow.entitlement.licensetype;

import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.Problem.FieldError;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.ExpirationBehaviour;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.LicenseDuration;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.LicenseDuration.Kind;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.Seats;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.Seats.Model;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.UsageRule;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.UsageRule.Overage;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What makes a license type unambiguous. {@link #normalized} either returns the definition with its defaults filled
 * in (the form stored, published and compared), or refuses it with one field error per problem: a perpetual type
 * with a period or a grace period, zero or negative quotas, duplicate codes, a heartbeat TTL on a node-locked type,
 * a deny policy with an overage factor, and so on.
 */
final class LicenseTypeRules {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_SEATS = 100_000;
    private static final String DEFAULT_CHECK_IN = "P7D";

    private final List<FieldError> errors = new ArrayList<>();

    private LicenseTypeRules() {
    }

    static LicenseTypeDefinition normalized(LicenseTypeDefinition raw) {
        LicenseTypeRules rules = new LicenseTypeRules();
        LicenseTypeDefinition definition = rules.check(raw);
        if (!rules.errors.isEmpty()) {
            String detail = rules.errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(Problem.of(ProblemCode.VALIDATION_FAILED, detail, rules.errors));
        }
        return definition;
    }

    private LicenseTypeDefinition check(LicenseTypeDefinition raw) {
        if (raw == null) {
            error("", "a license type definition is required");
            return null;
        }
        slug("name", raw.name());
        if (raw.displayName() == null || raw.displayName().isBlank()) {
            error("displayName", "is required");
        } else if (raw.displayName().strip().length() > 120) {
            error("displayName", "must be at most 120 characters");
        }
        LicenseDuration duration = duration(raw.duration());
        boolean perpetual = duration != null && duration.kind() == Kind.PERPETUAL;
        String grace = raw.gracePeriod() == null ? "P0D" : period("gracePeriod", raw.gracePeriod(), true);
        if (perpetual && grace != null && !Period.parse(grace).isZero()) {
            error("gracePeriod", "must be absent for a PERPETUAL license type: it never expires");
        }
        if (perpetual && raw.expirationBehaviour() != null) {
            error("expirationBehaviour", "must be absent for a PERPETUAL license type: it never expires");
        }
        List<String> entitlements = raw.entitlements() == null ? List.of() : raw.entitlements();
        unique("entitlements", entitlements, "code");
        List<UsageRule> rules = raw.usageRules() == null ? List.of() : usageRules(raw.usageRules());
        Seats seats = seats(raw.seats());
        String checkIn = raw.checkInInterval() == null ? DEFAULT_CHECK_IN
                : duration("checkInInterval", raw.checkInInterval(), Duration.ofMinutes(1), Duration.ofDays(365));
        return new LicenseTypeDefinition(raw.name(), raw.displayName() == null ? null : raw.displayName().strip(), duration, grace,
                raw.expirationBehaviour() == null ? ExpirationBehaviour.RESTRICT_ACCESS : raw.expirationBehaviour(),
                List.copyOf(entitlements), rules, seats, checkIn);
    }

    private LicenseDuration duration(LicenseDuration duration) {
        if (duration == null || duration.kind() == null) {
            error("duration.kind", "is required: FIXED_TERM, PERPETUAL or SUBSCRIPTION");
            return null;
        }
        if (duration.kind() == Kind.PERPETUAL) {
            if (duration.period() != null) {
                error("duration.period", "must be absent for a PERPETUAL license type");
            }
            return new LicenseDuration(Kind.PERPETUAL, null);
        }
        if (duration.period() == null) {
            error("duration.period", "is required for " + duration.kind() + " (an ISO-8601 period such as P1Y or P1M)");
            return duration;
        }
        return new LicenseDuration(duration.kind(), period("duration.period", duration.period(), false));
    }

    private List<UsageRule> usageRules(List<UsageRule> rules) {
        List<UsageRule> normalized = new ArrayList<>();
        Map<String, Integer> meters = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = "usageRules[" + i + "]";
            UsageRule rule = rules.get(i);
            if (rule == null) {
                error(at, "must be a usage rule");
                continue;
            }
            if (slug(at + ".meter", rule.meter())) {
                Integer first = meters.putIfAbsent(rule.meter(), i);
                if (first != null) {
                    error(at + ".meter", "duplicates usageRules[" + first + "].meter '" + rule.meter() + "'");
                }
            }
            if (rule.quota() == null) {
                error(at + ".quota", "is required");
            } else if (rule.quota() <= 0) {
                error(at + ".quota", "must be positive");
            }
            if (rule.period() == null) {
                error(at + ".period", "is required: DAY, MONTH or LICENSE_TERM");
            }
            Overage overage = rule.overage() == null ? Overage.DENY : rule.overage();
            if (overage == Overage.DENY && rule.overageFactor() != null) {
                error(at + ".overageFactor", "must be absent when overage is DENY");
            }
            if (rule.overageFactor() != null && !(rule.overageFactor() > 1 && rule.overageFactor() <= 100)) {
                error(at + ".overageFactor", "must be greater than 1 and at most 100");
            }
            normalized.add(new UsageRule(rule.meter(), rule.quota(), rule.period(), overage, rule.overageFactor()));
        }
        return List.copyOf(normalized);
    }

    private Seats seats(Seats seats) {
        if (seats == null || seats.model() == null) {
            error("seats.model", "is required: NODE_LOCKED or FLOATING");
            return seats;
        }
        if (seats.limit() == null) {
            error("seats.limit", "is required");
        } else if (seats.limit() < 1 || seats.limit() > MAX_SEATS) {
            error("seats.limit", "must be from 1 to " + MAX_SEATS);
        }
        if (seats.maxLimit() != null && (seats.maxLimit() > MAX_SEATS || seats.limit() != null && seats.maxLimit() < seats.limit())) {
            error("seats.maxLimit", "must be at least seats.limit and at most " + MAX_SEATS);
        }
        String ttl = null;
        if (seats.model() == Model.NODE_LOCKED && seats.heartbeatTtl() != null) {
            error("seats.heartbeatTtl", "must be absent for NODE_LOCKED seats: only floating seats expire without heartbeats");
        }
        if (seats.model() == Model.FLOATING) {
            ttl = seats.heartbeatTtl() == null ? null : duration("seats.heartbeatTtl", seats.heartbeatTtl(), Duration.ofSeconds(30), Duration.ofDays(1));
            if (seats.heartbeatTtl() == null) {
                error("seats.heartbeatTtl", "is required for FLOATING seats (an ISO-8601 duration such as PT10M)");
            }
        }
        return new Seats(seats.model(), seats.limit(), seats.maxLimit(), ttl);
    }

    private boolean slug(String field, String value) {
        if (value == null) {
            error(field, "is required");
            return false;
        }
        if (value.length() < 2 || value.length() > 64 || !SLUG.matcher(value).matches()) {
            error(field, "must be 2 to 64 lowercase letters, digits and single hyphens, such as 'team-annual'");
            return false;
        }
        return true;
    }

    private void unique(String field, List<String> codes, String what) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            if (slug(field + "[" + i + "]", codes.get(i))) {
                Integer first = seen.putIfAbsent(codes.get(i), i);
                if (first != null) {
                    error(field + "[" + i + "]", "duplicates " + field + "[" + first + "] ('" + codes.get(i) + "'): each " + what + " once");
                }
            }
        }
    }

    /** A normalised ISO-8601 period (P1Y2M), or null after recording an error. */
    private String period(String field, String text, boolean zeroAllowed) {
        try {
            Period period = Period.parse(text);
            if (period.isNegative() || period.getYears() < 0 || period.getMonths() < 0 || period.getDays() < 0) {
                error(field, "must not be negative");
            } else if (period.isZero() && !zeroAllowed) {
                error(field, "must be longer than zero");
            } else if (period.toTotalMonths() > 1200 || period.getDays() > 36_500) {
                error(field, "must be at most 100 years");
            } else {
                return period.toString();
            }
        } catch (DateTimeParseException e) {
            error(field, "must be an ISO-8601 period such as P1Y, P1M or P30D");
        }
        return null;
    }

    private String duration(String field, String text, Duration min, Duration max) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
                error(field, "must be from " + min + " to " + max);
            } else {
                return text.toUpperCase(java.util.Locale.ROOT);
            }
        } catch (DateTimeParseException e) {
            error(field, "must be an ISO-8601 duration such as PT10M or P7D");
        }
        return null;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
