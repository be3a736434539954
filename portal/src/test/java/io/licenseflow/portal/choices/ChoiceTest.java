package io.licenseflow.portal.choices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a purpose's state is put in words for the end user (the browser tests show them on the page). */
class ChoiceTest {

    @Test
    void each_basis_is_explained_in_plain_words() {
        assertThat(Choice.of(state("telemetry", true, "CHOICE", "2026-11-20T10:00:00Z")).explanation()).isEqualTo("Your choice, since 20 Nov 2026.");
        assertThat(Choice.of(state("sale-or-sharing", true, "GPC", "2026-11-21T10:00:00Z")).explanation())
                .isEqualTo("Opted out because your browser sends Global Privacy Control (honoured 21 Nov 2026).");
        assertThat(Choice.of(state("usage-analytics", true, "DEFAULT", null)).explanation())
                .isEqualTo("Opted out by default where you live (DE). You have not chosen yet.");
        assertThat(Choice.of(state("crash-reports", false, "DEFAULT", null)).explanation())
                .isEqualTo("Allowed by default where you live (DE). You have not chosen yet.");
    }

    @Test
    void built_in_purposes_have_titles_and_an_accounts_own_purpose_gets_one_from_its_name() {
        assertThat(Choice.of(state("sale-or-sharing", false, "DEFAULT", null)).title()).isEqualTo("Sale or sharing of your personal information");
        assertThat(Choice.of(state("beta-feedback-surveys", false, "DEFAULT", null)).title()).isEqualTo("Beta feedback surveys");
    }

    private static Map<String, Object> state(String purpose, boolean optedOut, String basis, String effectiveAt) {
        Map<String, Object> state = new HashMap<>();
        state.put("purpose", purpose);
        state.put("description", "what " + purpose + " means");
        state.put("optedOut", optedOut);
        state.put("basis", basis);
        state.put("jurisdiction", "DE");
        state.put("effectiveAt", effectiveAt);
        return state;
    }
}
