package io.licenseflow.onboarding.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.onboarding.offer.TestOffers;
import io.licenseflow.testing.EventStreamClient;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The onboarding stream as a browser's EventSource (through the portal) reads it: the account's onboarding events as
 * Debezium published them, no other account's, refused to other customers, ended with the token.
 */
@QuarkusTest
@WithLocalStack(database = "onboarding")
class OnboardingProgressStreamTest {

    @TestHTTPResource("/v1/accounts")
    URL accounts;

    @BeforeAll
    static void aLicenseTypeIsOnOffer() {
        TestOffers.starterOffered();
    }

    @Test
    void a_customer_hears_each_change_of_their_accounts_onboarding_and_nothing_of_another_account() throws Exception {
        UUID accountId = UUID.randomUUID();
        UUID otherAccount = UUID.randomUUID();
        try (EventStreamClient mine = new EventStreamClient(stream(accountId), TestTokens.customerOf(accountId), null);
             EventStreamClient other = new EventStreamClient(stream(otherAccount), TestTokens.customerOf(otherAccount), null)) {
            assertThat(mine.status).isEqualTo(200);
            assertThat(mine.next("ready", Duration.ofSeconds(30))).isNotNull();
            assertThat(other.next("ready", Duration.ofSeconds(30))).isNotNull();

            given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                    .body("{\"name\":\"Stream Test\",\"contactEmail\":\"ops@stream.example.com\",\"licenseType\":\"" + TestOffers.STARTER + "\",\"seats\":2}")
                    .put("/v1/accounts/" + accountId).then().statusCode(201);

            EventStreamClient.Event changed = mine.next("onboarding.changed", Duration.ofSeconds(60));
            assertThat(changed).as("the OnboardingStarted Debezium published").isNotNull();
            JsonNode envelope = EventJson.MAPPER.readTree(changed.data());
            assertThat(envelope.path("type").asText()).isEqualTo("OnboardingStarted");
            assertThat(envelope.at("/payload/accountId").asText()).isEqualTo(accountId.toString());
            assertThat(changed.id()).isEqualTo(envelope.path("id").asText());
            assertThat(other.poll("onboarding.changed", Duration.ofSeconds(2))).as("another account's stream").isNull();
        }
    }

    @Test
    void other_customers_and_callers_without_a_token_are_refused() {
        UUID accountId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.customerOf(UUID.randomUUID())).accept("text/event-stream")
                .get("/v1/accounts/" + accountId + "/onboarding/stream").then().statusCode(403);
        given().auth().oauth2(TestTokens.endUser(accountId, "someone")).accept("text/event-stream")
                .get("/v1/accounts/" + accountId + "/onboarding/stream").then().statusCode(403);
        given().accept("text/event-stream").get("/v1/accounts/" + accountId + "/onboarding/stream").then().statusCode(401);
    }

    @Test
    void the_stream_ends_when_the_token_expires() throws Exception {
        UUID accountId = UUID.randomUUID();
        try (EventStreamClient stream = new EventStreamClient(stream(accountId), TestTokens.customerOf(accountId, Duration.ofSeconds(4)), null)) {
            assertThat(stream.next("ready", Duration.ofSeconds(30))).isNotNull();
            await().atMost(Duration.ofSeconds(30)).until(stream::ended);
        }
    }

    private String stream(UUID accountId) {
        return accounts + "/" + accountId + "/onboarding/stream";
    }
}
