package io.licenseflow.entitlement.license;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.Topics;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestEvents;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestTokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Puts licenses in place the way the saga does: a license type through the API, then an OnboardingStarted on Kafka. */
public final class Licensing {

    public static final String DB = "entitlement";

    private Licensing() {
    }

    /** A license type named {@code prefix-<random>}: floating, fixed term P1Y, 10 seats (up to 50), one meter. */
    public static String floatingType(String prefix) {
        return type(prefix, """
                "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "gracePeriod": "P14D",
                "entitlements": ["core"], "usageRules": [{"meter": "api-calls", "quota": 100, "period": "MONTH"}],
                "seats": {"model": "FLOATING", "limit": 10, "maxLimit": 50, "heartbeatTtl": "PT10M"}""");
    }

    public static String type(String prefix, String members) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"displayName\": \"Test " + prefix + "\", " + members + "}")
                .post("/v1/license-types").then().statusCode(201);
        return name;
    }

    public record Issued(UUID onboardingId, UUID accountId, UUID licenseId) {
    }

    /** Publishes an OnboardingStarted and waits for the license it leads to. */
    public static Issued issue(String type, Integer seats) {
        UUID onboardingId = UUID.randomUUID();
        UUID accountId = UUID.randomUUID();
        TestKafka.publish(Topics.ONBOARDING_EVENTS, TestEvents.onboardingStarted(onboardingId, accountId, type, seats));
        return new Issued(onboardingId, accountId, awaitLicense(onboardingId));
    }

    /** The key of a license, as notification-service receives it (the one place it travels, encrypted). */
    public static String keyOf(UUID licenseId) {
        return io.licenseflow.testing.TestKeys.openHandoff(outbox("LicenseKeyIssued", licenseId).get(0).at("/payload/encryptedKey").asText());
    }

    public static UUID awaitLicense(UUID onboardingId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDatabase.count(DB, "SELECT count(*) FROM license WHERE onboarding_id = ?", onboardingId) == 1);
        return UUID.fromString(TestDatabase.text(DB, "SELECT id::text FROM license WHERE onboarding_id = ?", onboardingId));
    }

    /**
     * POSTs with no body and no Content-Type, as curl -X POST does (RestAssured would add a form Content-Type), and
     * returns the status.
     */
    public static int postWithoutBody(String path, String token) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
                    .header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The envelopes of {@code type} that the outbox holds for one aggregate, oldest first. */
    public static List<JsonNode> outbox(String type, Object aggregateId) {
        return TestDatabase.rows(DB, "SELECT payload::text FROM outbox WHERE type = ? AND aggregateid = ? ORDER BY createdat", type,
                aggregateId.toString()).stream().map(row -> read(row.get(0))).toList();
    }

    public static JsonNode read(String json) {
        try {
            return EventJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
