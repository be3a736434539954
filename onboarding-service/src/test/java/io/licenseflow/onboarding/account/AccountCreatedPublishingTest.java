package io.licenseflow.onboarding.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.onboarding.offer.TestOffers;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox path for real: commit → Debezium (Outbox Event Router) → Kafka, checked against the contract. */
@QuarkusTest
@WithLocalStack(database = "onboarding")
class AccountCreatedPublishingTest {

    @BeforeAll
    static void aLicenseTypeIsOnOffer() {
        TestOffers.starterOffered();
    }

    @Test
    void debezium_publishes_AccountCreated_keyed_by_account_with_cloudevents_headers() throws Exception {
        String id = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Published Ltd\",\"contactEmail\":\"cdc@published.example.com\",\"licenseType\":\"test-starter\"}")
                .post("/v1/accounts").then().statusCode(201).extract().path("id");

        var record = TestKafka.await(Topics.ACCOUNT_EVENTS, r -> id.equals(r.key()), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("no AccountCreated for " + id + " on " + Topics.ACCOUNT_EVENTS));

        JsonNode event = EventJson.MAPPER.readTree(record.value());
        assertThat(EventSchemas.violations(event)).isEmpty();
        assertThat(event.at("/payload/accountId").asText()).isEqualTo(id);
        assertThat(event.at("/payload/contactEmail").asText()).isEqualTo("cdc@published.example.com");

        Map<String, String> headers = TestKafka.headers(record);
        assertThat(headers).containsEntry("ce_id", event.get("id").asText())
                .containsEntry("ce_type", "AccountCreated")
                .containsEntry("ce_source", "/licenseflow/onboarding-service")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_schemaversion", "1");
        assertThat(Instant.parse(headers.get("ce_time"))).isEqualTo(Instant.parse(event.get("occurredAt").asText()));
    }
}
