package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * What ./licenseflow up seeds on a fresh start (deploy/local/seed-demo), run against the packaged services: the example
 * license types, and the demo customer's account onboarded all the way through the saga, readable with the demo
 * customer's own token. Run twice, it changes nothing the second time.
 */
class DemoSeedTest {

    private static final String DEMO_ACCOUNT = DemoCustomer.ACCOUNT;

    @Test
    void the_example_types_and_the_onboarded_demo_customer_are_seeded_once() throws Exception {
        ServiceProcess onboarding = PackagedSuite.service("onboarding");
        ServiceProcess entitlement = PackagedSuite.service("entitlement");

        DemoCustomer.seed();
        long versions = TestDatabase.count("entitlement", "SELECT count(*) FROM license_type_version v JOIN license_type t ON t.id = v.license_type_id "
                + "WHERE t.name IN ('starter-monthly', 'team-annual', 'perpetual-desktop')");
        DemoCustomer.seed();
        assertThat(TestDatabase.count("entitlement", "SELECT count(*) FROM license_type_version v JOIN license_type t ON t.id = v.license_type_id "
                + "WHERE t.name IN ('starter-monthly', 'team-annual', 'perpetual-desktop')")).as("versions after seeding again").isEqualTo(versions);
        for (String table : new String[] {"license", "activation", "usage_record"}) {
            // The seed's own rows: the portal's browser tests add machines of their own to the demo license.
            String demoRows = "SELECT count(*) FROM " + table + " WHERE " + ("license".equals(table) ? "id" : "license_id")
                    + " IN (SELECT id FROM license WHERE account_id = '" + DEMO_ACCOUNT + "')"
                    + switch (table) {
                        case "activation" -> " AND fingerprint = 'demo-laptop-01'";
                        case "usage_record" -> " AND activation_id IN (SELECT id FROM activation WHERE fingerprint = 'demo-laptop-01')";
                        default -> "";
                    };
            assertThat(TestDatabase.count("entitlement", demoRows)).as("the demo customer's rows in " + table + " after seeding twice").isEqualTo(1);
        }

        for (String type : new String[] {"starter-monthly", "team-annual", "perpetual-desktop"}) {
            given().baseUri(entitlement.url()).auth().oauth2(KeycloakTokens.backend()).get("/v1/license-types/" + type).then().statusCode(200)
                    .body("name", equalTo(type));
        }
        String customer = KeycloakTokens.user("customer", "customer");
        given().baseUri(onboarding.url()).auth().oauth2(customer).get("/v1/accounts/" + DEMO_ACCOUNT + "/onboarding").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("licenseType", equalTo("team-annual"));
        String licenseId = given().baseUri(entitlement.url()).auth().oauth2(customer).get("/v1/accounts/" + DEMO_ACCOUNT + "/licenses")
                .then().statusCode(200).body("items[0].licenseType", equalTo("team-annual")).body("items[0].seats.limit", equalTo(25))
                .extract().path("items[0].id");
        given().baseUri(entitlement.url()).auth().oauth2(customer).get("/v1/licenses/" + licenseId + "/activations").then().statusCode(200)
                .body("items.fingerprint", hasItems("demo-laptop-01"));
        given().baseUri(entitlement.url()).auth().oauth2(customer).get("/v1/licenses/" + licenseId + "/usage").then().statusCode(200)
                .body("meters[0].meter", equalTo("api-calls"));
    }
}
