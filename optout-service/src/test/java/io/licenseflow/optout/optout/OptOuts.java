package io.licenseflow.optout.optout;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.licenseflow.events.Topics;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestEvents;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;

/** Test steps: accounts opened through AccountCreated, changes through the API. */
public final class OptOuts {

    public static final String DB = "optout";

    private OptOuts() {
    }

    /** A new account, once optout-service consumed its AccountCreated. */
    public static UUID account() {
        UUID id = UUID.randomUUID();
        TestKafka.publish(Topics.ACCOUNT_EVENTS, TestEvents.accountCreated(id, "Account " + id));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(DB, "SELECT count(*) FROM optout_account WHERE id = ?", id) == 1);
        return id;
    }

    public static String change(UUID account, String kind, String subject, String purpose, boolean optedOut) {
        return """
                {"accountId": "%s", "subject": {"kind": "%s", "id": "%s"}, "purpose": "%s", "optedOut": %s}"""
                .formatted(account, kind, subject, purpose, optedOut);
    }

    public static ValidatableResponse post(String token, String... changes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"changes\": [" + String.join(",", changes) + "]}")
                .post("/v1/optouts").then();
    }

    public static ValidatableResponse set(UUID account, String user, String purpose, boolean optedOut) {
        return post(TestTokens.optoutClient(), change(account, "user", user, purpose, optedOut)).statusCode(200);
    }

    public static ValidatableResponse state(String token, UUID account, String kind, String subject) {
        return given().auth().oauth2(token).queryParam("account", account).queryParam("kind", kind).queryParam("subject", subject)
                .get("/v1/optouts").then();
    }

    public static long logEntries() {
        return TestDatabase.count(DB, "SELECT count(*) FROM compliance_log");
    }
}
