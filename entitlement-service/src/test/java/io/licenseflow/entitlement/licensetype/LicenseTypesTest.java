package io.licenseflow.entitlement.licensetype;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithLocalStack(database = "entitlement")
class LicenseTypesTest {

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid floating, fixed-term definition; {@code extra} replaces or adds top-level fields (raw JSON members). */
    static String definition(String name, String... extra) {
        String base = """
                "name": "%s", "displayName": "Team (annual)",
                "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "gracePeriod": "P14D", "expirationBehaviour": "MAINTAIN_ACCESS",
                "entitlements": ["core", "export-pdf"],
                "usageRules": [{"meter": "api-calls", "quota": 1000, "period": "MONTH", "overage": "ALLOW_AND_FLAG", "overageFactor": 1.5}],
                "seats": {"model": "FLOATING", "limit": 10, "maxLimit": 50, "heartbeatTtl": "PT10M"}""".formatted(name);
        StringBuilder json = new StringBuilder("{").append(base);
        for (String member : extra) {
            String key = member.substring(0, member.indexOf(':')).trim();
            int at = json.indexOf(key + ":");
            if (at >= 0) {
                int end = endOfMember(json, at + key.length() + 1);
                json.replace(at, end, member);
            } else {
                json.append(", ").append(member);
            }
        }
        return json.append("}").toString();
    }

    private static int endOfMember(StringBuilder json, int from) {
        int depth = 0;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    static void create(String body) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/v1/license-types").then().statusCode(201);
    }

    @Test
    void an_admin_creates_a_type_every_role_reads_it_and_its_event_is_published_by_debezium() throws Exception {
        String name = uniqueName("team");
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(definition(name))
                .post("/v1/license-types").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/v1/license-types/" + name))
                .body("name", equalTo(name)).body("version", equalTo(1))
                .body("definition.checkInInterval", equalTo("P7D"))
                .body("publishedBy", equalTo("test-admin"))
                .extract().path("id");

        for (String token : List.of(TestTokens.operator(), TestTokens.customerOf(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/v1/license-types/" + name).then().statusCode(200)
                    .body("definition.seats.model", equalTo("FLOATING"))
                    .body("definition.usageRules[0].overageFactor", equalTo(1.5f));
        }

        var record = TestKafka.await(Topics.LICENSE_TYPE_EVENTS, r -> id.equals(r.key()), Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("no LicenseTypePublished for " + name));
        JsonNode event = EventJson.MAPPER.readTree(record.value());
        assertThat(EventSchemas.violations(event)).isEmpty();
        assertThat(event.get("type").asText()).isEqualTo("LicenseTypePublished");
        assertThat(event.at("/payload/version").asInt()).isEqualTo(1);
        assertThat(event.at("/payload/definition/entitlements").toString()).isEqualTo("[\"core\",\"export-pdf\"]");
        assertThat(TestKafka.headers(record)).containsEntry("ce_type", "LicenseTypePublished");
    }

    @Test
    void a_change_publishes_a_new_version_and_an_identical_definition_changes_nothing() {
        String name = uniqueName("versioned");
        create(definition(name));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(definition(name, "\"entitlements\": [\"core\", \"export-pdf\", \"sso\"]"))
                .put("/v1/license-types/" + name).then().statusCode(200).body("version", equalTo(2));
        long events = TestDatabase.count("entitlement", "SELECT count(*) FROM outbox WHERE type = 'LicenseTypePublished' AND payload->'payload'->>'name' = ?", name);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(definition(name, "\"entitlements\": [\"core\", \"export-pdf\", \"sso\"]"))
                .put("/v1/license-types/" + name).then().statusCode(200).body("version", equalTo(2));
        assertThat(TestDatabase.count("entitlement", "SELECT count(*) FROM outbox WHERE type = 'LicenseTypePublished' AND payload->'payload'->>'name' = ?", name))
                .isEqualTo(events).isEqualTo(2);

        given().auth().oauth2(TestTokens.operator()).get("/v1/license-types/" + name + "/versions/1").then().statusCode(200)
                .body("definition.entitlements", contains("core", "export-pdf"));
        given().auth().oauth2(TestTokens.operator()).get("/v1/license-types/" + name + "/versions").then().statusCode(200)
                .body("items.version", contains(1, 2)).body("next", nullValue());
        given().auth().oauth2(TestTokens.operator()).get("/v1/license-types/" + name).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void put_creates_a_missing_type_and_refuses_a_rename() {
        String name = uniqueName("put-created");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(definition(name))
                .put("/v1/license-types/" + name).then().statusCode(201).body("version", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(definition("another-name"))
                .put("/v1/license-types/" + name).then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(definition(name))
                .post("/v1/license-types").then().statusCode(409).body("code", equalTo("license-type-exists"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "perpetual with a period          | \"duration\": {\"kind\": \"PERPETUAL\", \"period\": \"P1Y\"} ;; \"gracePeriod\": \"P0D\" ;; \"expirationBehaviour\": null | duration.period",
            "perpetual with a grace period    | \"duration\": {\"kind\": \"PERPETUAL\"} ;; \"expirationBehaviour\": null | gracePeriod",
            "perpetual with an expiry rule    | \"duration\": {\"kind\": \"PERPETUAL\"} ;; \"gracePeriod\": null | expirationBehaviour",
            "subscription without a period    | \"duration\": {\"kind\": \"SUBSCRIPTION\"}                 | duration.period",
            "a zero period                    | \"duration\": {\"kind\": \"FIXED_TERM\", \"period\": \"P0D\"} | duration.period",
            "a negative grace period          | \"gracePeriod\": \"P-1D\"                                | gracePeriod",
            "not a period                     | \"gracePeriod\": \"two weeks\"                            | gracePeriod",
            "a zero quota                     | \"usageRules\": [{\"meter\": \"calls\", \"quota\": 0, \"period\": \"DAY\"}] | usageRules[0].quota",
            "a negative quota                 | \"usageRules\": [{\"meter\": \"calls\", \"quota\": -5, \"period\": \"DAY\"}] | usageRules[0].quota",
            "duplicate meters                 | \"usageRules\": [{\"meter\": \"calls\", \"quota\": 5, \"period\": \"DAY\"}, {\"meter\": \"calls\", \"quota\": 9, \"period\": \"MONTH\"}] | usageRules[1].meter",
            "deny with an overage factor      | \"usageRules\": [{\"meter\": \"calls\", \"quota\": 5, \"period\": \"DAY\", \"overage\": \"DENY\", \"overageFactor\": 2}] | usageRules[0].overageFactor",
            "an overage factor of 1           | \"usageRules\": [{\"meter\": \"calls\", \"quota\": 5, \"period\": \"DAY\", \"overage\": \"ALLOW_AND_FLAG\", \"overageFactor\": 1}] | usageRules[0].overageFactor",
            "a quota without a period         | \"usageRules\": [{\"meter\": \"calls\", \"quota\": 5}]       | usageRules[0].period",
            "duplicate entitlements           | \"entitlements\": [\"core\", \"sso\", \"core\"]              | entitlements[2]",
            "an entitlement that is no code   | \"entitlements\": [\"Core Feature\"]                      | entitlements[0]",
            "a TTL on node-locked seats       | \"seats\": {\"model\": \"NODE_LOCKED\", \"limit\": 3, \"heartbeatTtl\": \"PT10M\"} | seats.heartbeatTtl",
            "floating seats without a TTL     | \"seats\": {\"model\": \"FLOATING\", \"limit\": 3}           | seats.heartbeatTtl",
            "no seats                         | \"seats\": null                                          | seats.model",
            "zero seats                       | \"seats\": {\"model\": \"NODE_LOCKED\", \"limit\": 0}        | seats.limit",
            "a maximum below the limit        | \"seats\": {\"model\": \"NODE_LOCKED\", \"limit\": 5, \"maxLimit\": 2} | seats.maxLimit",
            "a name that is no slug           | \"name\": \"Team Annual\"                                 | name",
            "a check-in interval of 0         | \"checkInInterval\": \"PT0S\"                              | checkInInterval",
    })
    void ambiguous_or_contradictory_definitions_are_refused_naming_the_field(String what, String member, String field) {
        long types = TestDatabase.count("entitlement", "SELECT count(*) FROM license_type");
        long events = TestDatabase.count("entitlement", "SELECT count(*) FROM outbox");
        String body = definition(uniqueName("bad"), member.split(" ;; "));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/v1/license-types").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem(field));
        assertThat(TestDatabase.count("entitlement", "SELECT count(*) FROM license_type")).isEqualTo(types);
        assertThat(TestDatabase.count("entitlement", "SELECT count(*) FROM outbox")).isEqualTo(events);
    }

    @Test
    void unknown_fields_and_unknown_enum_values_are_refused() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(definition(uniqueName("x"), "\"trialDays\": 30"))
                .post("/v1/license-types").then().statusCode(400).body("code", equalTo("unknown-field")).body("errors[0].field", equalTo("trialDays"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(definition(uniqueName("x"), "\"seats\": {\"model\": \"CONCURRENT\", \"limit\": 3}"))
                .post("/v1/license-types").then().statusCode(400).body("code", equalTo("wrong-type")).body("errors[0].field", equalTo("seats.model"));
    }

    @Test
    void only_admins_write_and_everyone_signed_in_reads() {
        String name = uniqueName("guarded");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(definition(name))
                .post("/v1/license-types").then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.customerOf(UUID.randomUUID())).contentType(ContentType.JSON).body(definition(name))
                .put("/v1/license-types/" + name).then().statusCode(403);
        given().get("/v1/license-types").then().statusCode(401);
        given().auth().oauth2(TestTokens.customerOf(UUID.randomUUID())).get("/v1/license-types/" + name).then().statusCode(404)
                .body("code", equalTo("not-found"));
    }

    @Test
    void the_list_pages_with_a_cursor() {
        for (int i = 0; i < 3; i++) {
            create(definition(uniqueName("paged")));
        }
        var first = given().auth().oauth2(TestTokens.operator()).queryParam("limit", 2).get("/v1/license-types")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("next", notNullValue()).extract();
        List<String> firstNames = first.path("items.name");
        List<String> secondNames = given().auth().oauth2(TestTokens.operator()).queryParam("limit", 2).queryParam("after", (String) first.path("next"))
                .get("/v1/license-types").then().statusCode(200).extract().path("items.name");
        assertThat(secondNames).isNotEmpty().doesNotContainAnyElementsOf(firstNames);

        given().auth().oauth2(TestTokens.operator()).queryParam("limit", 0).get("/v1/license-types")
                .then().statusCode(400).body("code", equalTo("invalid-parameter")).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(TestTokens.operator()).queryParam("after", "not-a-cursor").get("/v1/license-types")
                .then().statusCode(400).body("code", equalTo("invalid-parameter")).body("errors[0].field", equalTo("after"));
    }
}
