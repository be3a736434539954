package io.licenseflow.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the account pages compute from the services' answers: the usage chart's bars and the users' choices. */
class AccountViewsTest {

    @Test
    void a_meters_bar_is_its_share_of_the_quota_and_an_overage_runs_on_up_to_half_again() {
        MeterUse quarter = MeterUse.of(meter(250, 1000));
        assertThat(quarter.percent()).isEqualTo(25);
        assertThat(quarter.barWidth()).isEqualTo(MeterUse.FULL / 4);
        assertThat(quarter.over()).isFalse();
        MeterUse over = MeterUse.of(meter(3000, 1000));
        assertThat(over.percent()).isEqualTo(300);
        assertThat(over.barWidth()).isEqualTo(MeterUse.FULL * 3 / 2);
        assertThat(over.over()).isTrue();
        assertThat(MeterUse.of(meter(1, 1_000_000)).barWidth()).as("some use is never an empty bar").isEqualTo(2);
        assertThat(MeterUse.of(meter(0, 1000)).barWidth()).isZero();
    }

    @Test
    void the_export_rows_are_grouped_per_subject_with_what_it_opted_out_of() {
        List<UserChoices> users = UserChoices.of(List.of(
                row("user", "emil", "telemetry", true, 1), row("user", "emil", "marketing-email", false, 2),
                row("user", "emil", "personalization", true, 3), row("machine", "laptop-1", "crash-reports", true, 1)));
        assertThat(users).containsExactly(new UserChoices("user", "emil", List.of("telemetry", "personalization"), 3),
                new UserChoices("machine", "laptop-1", List.of("crash-reports"), 1));
    }

    private static Map<String, Object> meter(long used, long quota) {
        return Map.of("meter", "api-calls", "used", used, "quota", quota, "period", "MONTH", "overage", "ALLOW_AND_FLAG",
                "window", Map.of("start", "2026-11-01T00:00:00Z", "end", "2026-12-01T00:00:00Z"));
    }

    private static Map<String, Object> row(String kind, String subject, String purpose, boolean optedOut, long version) {
        return Map.of("kind", kind, "subjectId", subject, "purpose", purpose, "optedOut", optedOut, "version", version);
    }
}
