package io.licenseflow.onboarding.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.onboarding.offer.TestOffers;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestLogs;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithLocalStack(database = "onboarding")
class CreateAccountTest {

    @BeforeAll
    static void aLicenseTypeIsOnOffer() {
        TestOffers.starterOffered();
    }

    @Test
    void operator_creates_an_account_and_the_outbox_holds_its_AccountCreated_event() throws Exception {
        var created = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"  Acme Corp \",\"contactEmail\":\"ops@acme.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts")
                .then().statusCode(201)
                .body("name", equalTo("Acme Corp"))
                .body("contactEmail", equalTo("ops@acme.example.com"))
                .body("locale", equalTo("en"))
                .body("onboardingId", org.hamcrest.Matchers.notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/v1/accounts/" + id);

        given().auth().oauth2(TestTokens.admin()).when().get("/v1/accounts/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("name", equalTo("Acme Corp"));

        JsonNode event = outboxEventFor(id);
        assertThat(EventSchemas.violations(event)).isEmpty();
        assertThat(event.get("type").asText()).isEqualTo("AccountCreated");
        assertThat(event.get("aggregateId").asText()).isEqualTo(id);
        assertThat(event.get("source").asText()).isEqualTo("/licenseflow/onboarding-service");
        assertThat(event.at("/payload/accountId").asText()).isEqualTo(id);
        assertThat(event.at("/payload/name").asText()).isEqualTo("Acme Corp");
    }

    @Test
    void when_the_event_cannot_be_written_the_account_is_not_written_either_and_the_500_is_a_problem_that_leads_to_the_log() {
        String name = "Outbox Fails " + UUID.randomUUID();
        String correlationId = "test-" + UUID.randomUUID();
        // aggregatetype is the same for every account event; fail on this request's payload instead.
        String cleanUp = TestDatabase.failInserts("onboarding", "outbox", "payload->'payload'->>'name'", name, Integer.MAX_VALUE);
        try {
            String body = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).header("X-Correlation-Id", correlationId)
                    .body("{\"name\":\"" + name + "\",\"contactEmail\":\"ops@fails.example.com\",\"licenseType\":\"test-starter\"}")
                    .post("/v1/accounts").then().statusCode(500)
                    .contentType("application/problem+json")
                    .header("X-Correlation-Id", correlationId)
                    .body("code", equalTo("internal-error"))
                    .body("type", equalTo("urn:licenseflow:problem:internal-error"))
                    .body("correlationId", equalTo(correlationId))
                    .extract().asString();
            assertThat(body).doesNotContain("injected", "fault", "Exception", "SQL", "outbox", "insert");
            assertThat(TestDatabase.count("onboarding", "SELECT count(*) FROM account WHERE name = ?", name)).isZero();

            JsonNode logged = TestLogs.entryWithMessage("correlation id " + correlationId)
                    .orElseThrow(() -> new AssertionError("no log entry names correlation id " + correlationId));
            assertThat(logged.path("level").asText()).isEqualTo("ERROR");
            assertThat(logged.path("mdc").path("correlationId").asText()).isEqualTo(correlationId);
            assertThat(logged.path("message").asText()).contains("POST /v1/accounts");
            assertThat(logged.path("stackTrace").asText()).contains("injected fault").contains("\tat ");
        } finally {
            TestDatabase.execute("onboarding", cleanUp);
        }
    }

    @Test
    void names_are_stored_without_surrounding_unicode_space_and_blank_ones_are_rejected() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"\u2003\",\"contactEmail\":\"ops@blank.example.com\",\"licenseType\":\"test-starter\"}")
                .post("/v1/accounts").then().statusCode(400).body("code", equalTo("validation-failed"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"\u2003Em Space Co\u2003\",\"contactEmail\":\"ops@em.example.com\",\"licenseType\":\"test-starter\"}")
                .post("/v1/accounts").then().statusCode(201).body("name", equalTo("Em Space Co"));
    }

    @Test
    void a_customer_reads_only_their_own_account() {
        String id = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Own Co\",\"contactEmail\":\"me@own.example.com\",\"licenseType\":\"test-starter\"}")
                .post("/v1/accounts").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.customerOf(UUID.fromString(id))).get("/v1/accounts/" + id)
                .then().statusCode(200).body("name", equalTo("Own Co"));
        given().auth().oauth2(TestTokens.customerOf(UUID.randomUUID())).get("/v1/accounts/" + id)
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
    }

    @Test
    void an_unknown_account_is_a_404_problem() {
        given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static JsonNode outboxEventFor(String accountId) throws Exception {
        assertThat(TestDatabase.count("onboarding", "SELECT count(*) FROM outbox WHERE aggregateid = ?", accountId)).isEqualTo(1);
        return EventJson.MAPPER.readTree(TestDatabase.text("onboarding", "SELECT payload::text FROM outbox WHERE aggregateid = ?", accountId));
    }
}
