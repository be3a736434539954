package io.licenseflow.optout.audit;

import static io.licenseflow.optout.optout.OptOuts.DB;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.licenseflow.events.Topics;
import io.licenseflow.optout.optout.OptOuts;
import io.licenseflow.testing.LocalStack;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestEvents;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The compliance log is append-only for the service's own database role, and its hash chain reveals an entry
 * modified, deleted or reordered by anyone who could bypass that (here: the database owner, disabling the guard
 * trigger, as a superuser could). Each tampering is undone afterwards, since other tests share the log.
 */
@QuarkusTest
@WithLocalStack(database = "optout")
class ComplianceLogTest {

    @Test
    void the_services_database_role_can_neither_update_nor_delete_entries() throws SQLException {
        UUID account = OptOuts.account();
        OptOuts.set(account, "role-check", "telemetry", true);
        var stack = LocalStack.platform();
        try (var connection = DriverManager.getConnection(LocalStack.jdbcUrl(DB), stack.get("LF_OPTOUT_DB_USER"), stack.get("LF_OPTOUT_DB_PASSWORD"));
             var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE compliance_log SET actor = 'someone-else'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM compliance_log")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE compliance_log")).hasMessageContaining("permission denied");
        }
        // Even the owner is stopped by the trigger
        assertThatThrownBy(() -> TestDatabase.execute(DB, "DELETE FROM compliance_log")).hasStackTraceContaining("append-only");
    }

    @Test
    void verify_detects_a_modified_a_deleted_and_a_reordered_entry() {
        UUID account = OptOuts.account();
        for (int i = 0; i < 4; i++) {
            OptOuts.set(account, "chain-" + i, "telemetry", true);
        }
        verify().body("valid", equalTo(true)).body("brokenAt", nullValue());
        long third = TestDatabase.count(DB, "SELECT seq FROM compliance_log WHERE account_id = ? AND subject_id = 'chain-2'", account);

        tamper("UPDATE compliance_log SET opted_out = false WHERE seq = " + third);
        verify().body("valid", equalTo(false)).body("brokenAt", equalTo((int) third)).body("problem", containsString("modified"));
        tamper("UPDATE compliance_log SET opted_out = true WHERE seq = " + third);
        verify().body("valid", equalTo(true));

        String saved = "CREATE TABLE saved_entry AS SELECT * FROM compliance_log WHERE seq = " + third;
        TestDatabase.execute(DB, saved);
        try {
            tamper("DELETE FROM compliance_log WHERE seq = " + third);
            verify().body("valid", equalTo(false)).body("brokenAt", equalTo((int) third + 1)).body("problem", containsString("missing"));
            // Renumbering the next entry to hide the gap breaks the link instead
            tamper("UPDATE compliance_log SET seq = seq - 1 WHERE seq = " + (third + 1));
            verify().body("valid", equalTo(false)).body("brokenAt", equalTo((int) third)).body("problem", containsString("does not link"));
            tamper("UPDATE compliance_log SET seq = seq + 1 WHERE seq = " + third + "; INSERT INTO compliance_log SELECT * FROM saved_entry");
        } finally {
            TestDatabase.execute(DB, "DROP TABLE saved_entry");
        }
        verify().body("valid", equalTo(true));

        // Swapping two entries' contents (their sequence numbers stay) reorders them
        tamper("UPDATE compliance_log SET subject_id = CASE subject_id WHEN 'chain-2' THEN 'chain-3' ELSE 'chain-2' END "
                + "WHERE account_id = '" + account + "' AND subject_id IN ('chain-2', 'chain-3')");
        verify().body("valid", equalTo(false)).body("brokenAt", equalTo((int) third));
        tamper("UPDATE compliance_log SET subject_id = CASE subject_id WHEN 'chain-2' THEN 'chain-3' ELSE 'chain-2' END "
                + "WHERE account_id = '" + account + "' AND subject_id IN ('chain-2', 'chain-3')");
        verify().body("valid", equalTo(true));
    }

    @Test
    void the_log_reads_and_exports_with_its_hashes_and_customers_see_only_their_account() {
        UUID account = OptOuts.account();
        OptOuts.set(account, "reader", "crash-reports", true);
        given().auth().oauth2(TestTokens.customerOf(account)).queryParam("account", account).get("/v1/audit").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].subjectId", equalTo("reader")).body("items[0].hash.length()", equalTo(64));
        given().auth().oauth2(TestTokens.customerOf(account)).get("/v1/audit").then().statusCode(400).body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(TestTokens.customerOf(account)).queryParam("account", UUID.randomUUID()).get("/v1/audit").then().statusCode(403);
        given().auth().oauth2(TestTokens.customerOf(account)).get("/v1/audit/verify").then().statusCode(403);
        String csv = given().auth().oauth2(TestTokens.admin()).accept("text/csv").queryParam("account", account).get("/v1/audit/export")
                .then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("seq,recordedAt,action,accountId,kind,subjectId,purpose,optedOut,previous,source,jurisdiction,subjectVersion,actor,client,requestId,detail,prevHash,hash");
        given().auth().oauth2(TestTokens.admin()).queryParam("account", account).get("/v1/audit/export").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].action", equalTo("CHOICE_RECORDED"));
    }

    @Test
    void a_violation_caught_by_enforcement_is_logged_once_even_when_its_event_comes_twice() {
        UUID account = OptOuts.account();
        UUID license = UUID.randomUUID();
        var caught = TestEvents.optOutViolationCaught(license, account, "user", "vera", "usage-analytics", 6);
        TestKafka.publish(Topics.LICENSE_EVENTS, caught);
        TestKafka.publish(Topics.LICENSE_EVENTS, caught);
        String violations = "SELECT count(*) FROM compliance_log WHERE account_id = ? AND action = 'VIOLATION_CAUGHT'";
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(DB, violations, account) == 1);
        OptOuts.set(account, "after-violation", "telemetry", true); // proof the redelivery was consumed before this
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(DB,
                "SELECT count(*) FROM compliance_log WHERE account_id = ? AND subject_id = 'after-violation'", account) == 1);
        assertThat(TestDatabase.count(DB, violations, account)).isEqualTo(1);
        given().auth().oauth2(TestTokens.customerOf(account)).queryParam("account", account).get("/v1/audit").then().statusCode(200)
                .body("items.find { it.action == 'VIOLATION_CAUGHT' }.subjectId", equalTo("vera"))
                .body("items.find { it.action == 'VIOLATION_CAUGHT' }.purpose", equalTo("usage-analytics"))
                .body("items.find { it.action == 'VIOLATION_CAUGHT' }.subjectVersion", equalTo(6))
                .body("items.find { it.action == 'VIOLATION_CAUGHT' }.client", equalTo("licenseflow-backend"));
        verify().body("valid", equalTo(true));
    }

    private static io.restassured.response.ValidatableResponse verify() {
        return given().auth().oauth2(TestTokens.operator()).get("/v1/audit/verify").then().statusCode(200);
    }

    /** As the owner with the guard trigger off: what a superuser could do. */
    private static void tamper(String sql) {
        TestDatabase.execute(DB, "BEGIN; ALTER TABLE compliance_log DISABLE TRIGGER compliance_log_append_only; " + sql
                + "; ALTER TABLE compliance_log ENABLE TRIGGER compliance_log_append_only; COMMIT");
    }
}
