package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.TestDatabase;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;

/** License types created through entitlement-service's API, awaited until onboarding-service offers them (LicenseTypePublished). */
final class OfferedTypes {

    private OfferedTypes() {
    }

    /** A fixed-term floating type with one metered quota, as an admin creates it; its name once onboarding offers it. */
    static String floating(String prefix) {
        return create(prefix, """
                "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "gracePeriod": "P7D", "entitlements": ["core"],
                "usageRules": [{"meter": "api-calls", "quota": 1000, "period": "MONTH", "overage": "DENY"}],
                "seats": {"model": "FLOATING", "limit": 5, "maxLimit": 100, "heartbeatTtl": "PT10M"}""");
    }

    static String create(String prefix, String members) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri(PackagedSuite.service("entitlement").url()).auth().oauth2(KeycloakTokens.user("admin", "admin")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"displayName\": \"E2E " + prefix + "\", " + members + "}")
                .post("/v1/license-types").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TestDatabase.count("onboarding", "SELECT count(*) FROM offered_license_type WHERE name = ?", name) == 1);
        return name;
    }
}
