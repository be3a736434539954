package io.licenseflow.entitlement.activation;

import static io.licenseflow.entitlement.license.Licensing.DB;
import static io.licenseflow.entitlement.license.Licensing.outbox;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.entitlement.license.Licensing;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** ACTIVATED: seats that hold under concurrency, idempotent by fingerprint, freed on deactivation or reclaimed without heartbeats. */
@QuarkusTest
@WithLocalStack(database = "entitlement")
class ActivationTest {

    static String nodeLocked(int seats) {
        return Licensing.type("seats", """
                "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "entitlements": ["core"],
                "usageRules": [{"meter": "api-calls", "quota": 100, "period": "MONTH"}],
                "seats": {"model": "NODE_LOCKED", "limit": %d}""".formatted(seats));
    }

    static String activation(String key, String fingerprint) {
        return "{\"key\": \"" + key + "\", \"fingerprint\": \"" + fingerprint + "\", \"name\": \"machine " + fingerprint
                + "\", \"platform\": \"linux-x86_64\", \"metadata\": {\"hostname\": \"" + fingerprint + "\"}}";
    }

    @Test
    void a_thousand_concurrent_activations_of_a_ten_seat_license_get_exactly_ten_seats() {
        var issued = Licensing.issue(nodeLocked(10), null);
        String key = Licensing.keyOf(issued.licenseId());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<CompletableFuture<HttpResponse<String>>> requests = IntStream.range(0, 1000)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/activations"))
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(activation(key, "concurrent-" + i))).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> answers = requests.stream().map(CompletableFuture::join).toList();

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 10L, 409, 990L));
        assertThat(answers.stream().filter(a -> a.statusCode() == 409))
                .allMatch(a -> a.body().contains("\"code\":\"seat-limit-reached\"") && a.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json"));
        assertThat(TestDatabase.count(DB, "SELECT seats_used FROM license WHERE id = ?", issued.licenseId())).isEqualTo(10);
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM activation WHERE license_id = ? AND status = 'ACTIVE'", issued.licenseId())).isEqualTo(10);
        assertThat(outbox("MachineActivated", issued.licenseId())).hasSize(10);
        assertThat(outbox("LicenseActivated", issued.licenseId())).hasSize(1);
        System.out.printf("1000 concurrent activations of a 10-seat license: %s%n", byStatus);
    }

    @Test
    void the_same_fingerprint_again_is_the_same_activation_and_the_first_one_emits_license_activated() {
        var issued = Licensing.issue(nodeLocked(3), null);
        String key = Licensing.keyOf(issued.licenseId());
        String id = given().contentType(ContentType.JSON).body(activation(key, "same-machine")).post("/v1/activations")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/v1/activations/")).extract().path("id");
        given().contentType(ContentType.JSON).body(activation(key, "same-machine")).post("/v1/activations")
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(activation(key, "second-machine")).post("/v1/activations")
                .then().statusCode(201);

        JsonNode first = outbox("LicenseActivated", issued.licenseId()).get(0);
        assertThat(outbox("LicenseActivated", issued.licenseId())).hasSize(1);
        assertThat(EventSchemas.violations(first)).isEmpty();
        assertThat(first.at("/payload/activationId").asText()).isEqualTo(id);
        assertThat(first.at("/payload/onboardingId").asText()).isEqualTo(issued.onboardingId().toString());
        outbox("MachineActivated", issued.licenseId()).forEach(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        given().auth().oauth2(TestTokens.operator()).get("/v1/licenses/" + issued.licenseId()).then().body("seats.used", equalTo(2));
        given().auth().oauth2(TestTokens.customerOf(issued.accountId())).get("/v1/licenses/" + issued.licenseId() + "/activations")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("items[0].metadata.hostname", equalTo("same-machine"));
    }

    @Test
    void deactivation_frees_the_seat_with_the_key_or_a_token_and_nothing_else() {
        var issued = Licensing.issue(nodeLocked(1), null);
        String key = Licensing.keyOf(issued.licenseId());
        String id = given().contentType(ContentType.JSON).body(activation(key, "only-seat")).post("/v1/activations").then().statusCode(201)
                .extract().path("id");
        given().contentType(ContentType.JSON).body(activation(key, "no-seat-left")).post("/v1/activations").then().statusCode(409)
                .body("code", equalTo("seat-limit-reached"));

        var other = Licensing.issue(nodeLocked(1), null);
        given().header("Authorization", "License " + Licensing.keyOf(other.licenseId())).delete("/v1/activations/" + id).then().statusCode(404);
        // Another account's activation, found by its id, is not there for a customer: ids cannot be probed.
        given().auth().oauth2(TestTokens.customerOf(other.accountId())).delete("/v1/activations/" + id).then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().auth().oauth2(TestTokens.customerOf(other.accountId())).delete("/v1/activations/" + UUID.randomUUID()).then().statusCode(404);
        given().delete("/v1/activations/" + id).then().statusCode(400).body("code", equalTo("malformed-key"));
        given().header("Authorization", "License " + key).delete("/v1/activations/" + id).then().statusCode(204);
        given().header("Authorization", "License " + key).delete("/v1/activations/" + id).then().statusCode(404);

        JsonNode deactivated = outbox("MachineDeactivated", issued.licenseId()).get(0);
        assertThat(EventSchemas.violations(deactivated)).isEmpty();
        assertThat(deactivated.at("/payload/reason").asText()).isEqualTo("DEACTIVATED");
        given().auth().oauth2(TestTokens.customerOf(issued.accountId())).contentType(ContentType.JSON).body(activation(key, "no-seat-left"))
                .post("/v1/activations").then().statusCode(201);
    }

    @Test
    void floating_seats_without_heartbeats_are_reclaimed_and_heartbeats_keep_them() {
        var issued = Licensing.issue(Licensing.type("floating", """
                "duration": {"kind": "FIXED_TERM", "period": "P1Y"},
                "seats": {"model": "FLOATING", "limit": 2, "heartbeatTtl": "PT30S"}"""), null);
        String key = Licensing.keyOf(issued.licenseId());
        String alive = given().contentType(ContentType.JSON).body(activation(key, "alive")).post("/v1/activations").then().statusCode(201)
                .body("heartbeatDeadline", notNullValue()).extract().path("id");
        String dead = given().contentType(ContentType.JSON).body(activation(key, "dead")).post("/v1/activations").then().statusCode(201)
                .extract().path("id");

        TestDatabase.execute(DB, "UPDATE activation SET heartbeat_deadline = now() - interval '1 second' WHERE id IN ('" + alive + "', '" + dead + "')");
        given().header("Authorization", "License " + key).post("/v1/activations/" + alive + "/heartbeat").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "DEACTIVATED".equals(TestDatabase.text(DB, "SELECT status FROM activation WHERE id = ?::uuid", dead)));
        assertThat(TestDatabase.text(DB, "SELECT status FROM activation WHERE id = ?::uuid", alive)).isEqualTo("ACTIVE");
        JsonNode reclaimed = outbox("MachineDeactivated", issued.licenseId()).get(0);
        assertThat(reclaimed.at("/payload/reason").asText()).isEqualTo("HEARTBEAT_DEAD");
        assertThat(reclaimed.at("/payload/activationId").asText()).isEqualTo(dead);
        assertThat(TestDatabase.count(DB, "SELECT seats_used FROM license WHERE id = ?", issued.licenseId())).isEqualTo(1);
        given().header("Authorization", "License " + key).post("/v1/activations/" + dead + "/heartbeat").then().statusCode(404);
    }

    @Test
    void bad_keys_and_inactive_licenses_are_refused_before_any_seat_is_taken() {
        var issued = Licensing.issue(nodeLocked(2), null);
        String key = Licensing.keyOf(issued.licenseId());
        String typo = key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0");
        given().contentType(ContentType.JSON).body(activation(typo, "m1")).post("/v1/activations").then().statusCode(400)
                .body("code", equalTo("malformed-key")).body("errors[0].field", equalTo("key"));
        given().contentType(ContentType.JSON).body(activation("LF-" + "0000-".repeat(6) + "0000", "m1")).post("/v1/activations")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(activation(key.toLowerCase().replace("-", " "), "m1")).post("/v1/activations")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"key\": \"" + key + "\", \"fingerprint\": \"m2\", \"metadata\": {"
                + IntStream.range(0, 17).mapToObj(i -> "\"k" + i + "\": \"v\"").collect(Collectors.joining(",")) + "}}")
                .post("/v1/activations").then().statusCode(400).body("code", equalTo("validation-failed"));
        given().auth().oauth2(TestTokens.customerOf(UUID.randomUUID())).contentType(ContentType.JSON).body(activation(key, "m3"))
                .post("/v1/activations").then().statusCode(403);

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).post("/v1/licenses/" + issued.licenseId() + "/suspend")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(activation(key, "m4")).post("/v1/activations").then().statusCode(409)
                .body("code", equalTo("license-not-active"));
        assertThat(TestDatabase.count(DB, "SELECT seats_used FROM license WHERE id = ?", issued.licenseId())).isEqualTo(1);
    }
}
