package io.licenseflow.optout.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.licenseflow.events.EventJson;
import io.licenseflow.optout.optout.OptOuts;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WebhookReceiver;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Webhooks end to end: a change, through the outbox, Debezium, Kafka and the dispatcher, to a real HTTP receiver. */
@QuarkusTest
@WithLocalStack(database = "optout")
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void a_change_reaches_the_endpoint_signed_per_standard_webhooks() throws Exception {
        UUID account = OptOuts.account();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ValidatableResponse created = register(TestTokens.optoutClient(), receiver.url(), account, null).statusCode(201)
                    .body("secret", startsWith("whsec_")).body("enabled", equalTo(true));
            String id = created.extract().path("id");
            String secret = created.extract().path("secret");
            given().auth().oauth2(TestTokens.optoutClient()).get("/v1/webhooks/" + id).then().statusCode(200).body("$", not(hasKey("secret")));

            OptOuts.set(account, "hook-1", "telemetry", true);
            await().atMost(WAIT).until(() -> receiver.answered(200).size() == 1);
            WebhookReceiver.Request request = receiver.answered(200).get(0);
            // The reference verifier of Standard Webhooks, and the signature computed here by hand from its definition.
            new Webhook(secret).verify(request.body(), request.headers());
            assertThat(request.header("webhook-id")).matches("msg_[0-9a-f]{32}");
            assertThat(request.header("webhook-signature")).isEqualTo("v1," + hmac(secret, request.header("webhook-id") + "."
                    + request.header("webhook-timestamp") + "." + request.body()));
            assertThat(request.header("content-type")).startsWith("application/json");
            JsonNode event = EventJson.MAPPER.readTree(request.body());
            assertThat(event.path("type").asText()).isEqualTo("OptOutChanged");
            assertThat(event.path("payload").path("subject").path("id").asText()).isEqualTo("hook-1");

            await().atMost(WAIT).untilAsserted(() -> deliveries(id, "delivered").body("items.size()", equalTo(1))
                    .body("items[0].id", equalTo(request.header("webhook-id"))).body("items[0].attempts", equalTo(1)));
        }
    }

    @Test
    void failures_are_retried_with_the_same_id_in_order_per_subject_then_dead_lettered_and_redelivered() throws Exception {
        UUID account = OptOuts.account();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = register(TestTokens.optoutClient(), receiver.url(), account, "telemetry").statusCode(201).extract().path("id");
            receiver.answer(500, 503);
            OptOuts.set(account, "ordered", "telemetry", true);
            OptOuts.set(account, "ordered", "telemetry", false);
            OptOuts.set(account, "ordered", "crash-reports", true); // another purpose: not for this endpoint
            await().atMost(WAIT).until(() -> receiver.answered(200).size() == 2);
            List<WebhookReceiver.Request> all = receiver.requests;
            assertThat(all).hasSize(4);
            String first = all.get(0).header("webhook-id");
            assertThat(all.subList(0, 3)).extracting(r -> r.header("webhook-id")).as("retried with the same id").containsOnly(first);
            assertThat(versions(receiver.answered(200))).as("in order per subject").containsExactly(1L, 2L);

            receiver.answerOtherwise(503);
            OptOuts.set(account, "doomed", "telemetry", true);
            await().atMost(WAIT).untilAsserted(() -> deliveries(id, "dead").body("items.size()", equalTo(1)));
            String dead = deliveries(id, "dead").extract().path("items[0].id");
            int attempts = deliveries(id, "dead").extract().path("items[0].attempts");
            assertThat(attempts).as("retried with back-off until the window closed").isGreaterThan(2);

            receiver.answerOtherwise(200);
            given().auth().oauth2(TestTokens.optoutClient()).post("/v1/webhooks/" + id + "/deliveries/" + dead + "/redeliver").then()
                    .statusCode(200).body("status", equalTo("pending"));
            await().atMost(WAIT).until(() -> receiver.answered(200).stream().anyMatch(r -> dead.equals(r.header("webhook-id"))));
            given().auth().oauth2(TestTokens.optoutClient()).post("/v1/webhooks/" + id + "/deliveries/msg_nope/redeliver").then()
                    .statusCode(404).body("code", equalTo("not-found"));
        }
    }

    @Test
    void an_endpoint_answering_410_is_disabled_until_re_enabled() throws Exception {
        UUID account = OptOuts.account();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = register(TestTokens.optoutClient(), receiver.url(), account, null).statusCode(201).extract().path("id");
            receiver.answer(410);
            OptOuts.set(account, "gone-1", "telemetry", true);
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.optoutClient()).get("/v1/webhooks/" + id).then()
                    .body("enabled", equalTo(false)).body("disabledReason", startsWith("answered 410 Gone")));
            OptOuts.set(account, "gone-2", "telemetry", true);
            Thread.sleep(2000);
            assertThat(receiver.requests).as("nothing more while disabled").hasSize(1);

            given().auth().oauth2(TestTokens.optoutClient()).contentType(ContentType.JSON).body("{\"enabled\": true}")
                    .patch("/v1/webhooks/" + id).then().statusCode(200).body("enabled", equalTo(true));
            OptOuts.set(account, "gone-3", "telemetry", true);
            // What changed while it was disabled waited, and goes out with what follows.
            await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.answered(200).stream().map(WebhookTest::subjectOf).toList())
                    .containsExactlyInAnyOrder("gone-2", "gone-3"));
        }
    }

    @Test
    void after_a_rotation_both_secrets_sign_until_the_overlap_ends() throws Exception {
        UUID account = OptOuts.account();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ValidatableResponse created = register(TestTokens.optoutClient(), receiver.url(), account, null).statusCode(201);
            String id = created.extract().path("id");
            String oldSecret = created.extract().path("secret");
            String newSecret = given().auth().oauth2(TestTokens.optoutClient()).post("/v1/webhooks/" + id + "/secret").then().statusCode(200)
                    .body("previousSecretValidUntil", not(equalTo(null))).extract().path("secret");
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
            OptOuts.set(account, "rotated", "telemetry", true);
            await().atMost(WAIT).until(() -> receiver.answered(200).size() == 1);
            WebhookReceiver.Request request = receiver.answered(200).get(0);
            assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
            new Webhook(newSecret).verify(request.body(), request.headers());
            new Webhook(oldSecret).verify(request.body(), request.headers());
        }
    }

    @Test
    void targets_and_filters_are_checked_and_nothing_is_stored_for_bad_input() {
        UUID account = OptOuts.account();
        long before = endpoints();
        for (String url : List.of("http://10.0.0.5/hook", "https://169.254.169.254/latest/meta-data", "http://93.184.216.34/hook",
                "ftp://127.0.0.1/hook", "https://user:pw@127.0.0.1/hook")) {
            register(TestTokens.optoutClient(), url, account, null).statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("forbidden-webhook-target"));
        }
        register(TestTokens.optoutClient(), "http://127.0.0.1:9/hook", account, "no-such-purpose").statusCode(400)
                .body("code", equalTo("unknown-purpose"));
        register(TestTokens.optoutClient(), "http://127.0.0.1:9/hook", UUID.randomUUID(), null).statusCode(400)
                .body("code", equalTo("unknown-account"));
        assertThat(endpoints()).isEqualTo(before);
    }

    @Test
    void customers_manage_only_their_own_accounts_webhooks() {
        UUID account = OptOuts.account();
        UUID other = OptOuts.account();
        register(TestTokens.customerOf(account), "http://127.0.0.1:9/hook", other, null).statusCode(403);
        register(TestTokens.customerOf(account), "http://127.0.0.1:9/hook", null, null).statusCode(403);
        register(TestTokens.operator(), "http://127.0.0.1:9/hook", account, null).statusCode(403);
        String id = register(TestTokens.customerOf(account), "http://127.0.0.1:9/hook", account, null).statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.customerOf(other)).get("/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.customerOf(other)).delete("/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.customerOf(account)).get("/v1/webhooks").then().statusCode(200)
                .body("id", equalTo(List.of(id)));
        given().auth().oauth2(TestTokens.operator()).get("/v1/webhooks/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.customerOf(account)).delete("/v1/webhooks/" + id).then().statusCode(204);
    }

    private static ValidatableResponse register(String token, String url, UUID account, String purpose) {
        String body = "{\"url\": \"%s\"%s%s}".formatted(url, account == null ? "" : ", \"account\": \"" + account + "\"",
                purpose == null ? "" : ", \"purpose\": \"" + purpose + "\"");
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/webhooks").then();
    }

    private static ValidatableResponse deliveries(String endpoint, String status) {
        return given().auth().oauth2(TestTokens.optoutClient()).queryParam("status", status).get("/v1/webhooks/" + endpoint + "/deliveries")
                .then().statusCode(200);
    }

    private static String subjectOf(WebhookReceiver.Request request) {
        try {
            return EventJson.MAPPER.readTree(request.body()).path("payload").path("subject").path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> versions(List<WebhookReceiver.Request> requests) {
        return requests.stream().map(r -> {
            try {
                return EventJson.MAPPER.readTree(r.body()).path("payload").path("subjectVersion").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static long endpoints() {
        return TestDatabase.count(OptOuts.DB, "SELECT count(*) FROM webhook_endpoint");
    }
}
