package io.licenseflow.onboarding.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.licenseflow.onboarding.offer.TestOffers;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets an RFC 9457 problem with a stable code, and changes nothing. */
@QuarkusTest
@Isolated
@WithLocalStack(database = "onboarding")
class CreateAccountRejectsBadInputTest {

    @BeforeAll
    static void aLicenseTypeIsOnOffer() {
        TestOffers.starterOffered();
    }

    private long accountsBefore;
    private long onboardingsBefore;
    private long eventsBefore;

    @BeforeEach
    void countRows() {
        accountsBefore = TestDatabase.count("onboarding", "SELECT count(*) FROM account");
        onboardingsBefore = TestDatabase.count("onboarding", "SELECT count(*) FROM onboarding");
        eventsBefore = TestDatabase.count("onboarding", "SELECT count(*) FROM outbox");
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(TestDatabase.count("onboarding", "SELECT count(*) FROM account")).isEqualTo(accountsBefore);
        assertThat(TestDatabase.count("onboarding", "SELECT count(*) FROM onboarding")).isEqualTo(onboardingsBefore);
        assertThat(TestDatabase.count("onboarding", "SELECT count(*) FROM outbox")).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"Acme\",                             | malformed-json",
            "not json at all                                  | malformed-json",
            "[1,2]                                            | malformed-json",
            "{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"plan\":\"gold\"} | unknown-field",
            "{\"name\":{\"first\":\"A\"},\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}   | wrong-type",
            "{\"name\":\"Acme\"}                              | validation-failed",
            "{}                                               | validation-failed",
            "{\"name\":\"   \",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}  | validation-failed",
            "{\"name\":\"Acme\",\"contactEmail\":\"not-an-email\",\"licenseType\":\"test-starter\"}    | validation-failed",
            // Found by a hostile-input probe: each was a 500 or was stored.
            "{\"name\":\"\\u0000\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}    | invalid-characters",
            "{\"name\":\"a\\ud800b\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"} | invalid-characters",
            "{\"name\":\"\\u001b[31mred\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"} | invalid-characters",
            "{\"name\":\"a\",\"name\":\"b\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"} | duplicate-field",
            "{\"name\":1,\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}       | wrong-type",
            "{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"} x  | malformed-json",
            "{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}{} | malformed-json",
    })
    void bad_bodies_are_400_problems(String body, String code) {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo(code))
                .body("type", equalTo("urn:licenseflow:problem:" + code))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void an_unknown_license_type_or_seats_the_type_does_not_allow_are_refused_at_once() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"no-such-type\"}")
                .when().post("/v1/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown-license-type")).body("errors[0].field", equalTo("licenseType"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\",\"seats\":11}")
                .when().post("/v1/accounts")
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("seats"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\",\"locale\":\"english\"}")
                .when().post("/v1/accounts")
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("locale"));
    }

    @Test
    void text_that_cannot_be_stored_is_refused_naming_the_field() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Ac\\u0000me\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-characters"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("U+0000"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"contactEmail\":\"b@b.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts")
                .then().statusCode(400).body("code", equalTo("duplicate-field")).body("errors[0].field", equalTo("contactEmail"));
    }

    @Test
    void long_ids_get_problems_404_within_the_uri_limit_and_414_beyond_it() {
        given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + "a".repeat(5000))
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + "a".repeat(9000))
                .then().statusCode(414).contentType("application/problem+json").body("code", equalTo("uri-too-long"));
    }

    @Test
    void a_body_without_a_content_type_is_415_and_a_body_beyond_the_limit_is_413() {
        given().auth().oauth2(TestTokens.operator()).body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}".getBytes())
                .when().post("/v1/accounts")
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("unsupported-media-type"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + "a".repeat(1 << 20) + "\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("payload-too-large"));
    }

    @Test
    void every_answer_carries_a_correlation_id_and_a_sent_one_is_kept() {
        given().auth().oauth2(TestTokens.operator()).header("X-Correlation-Id", "backend-req-42").get("/v1/accounts/" + java.util.UUID.randomUUID())
                .then().statusCode(404).header("X-Correlation-Id", "backend-req-42").body("correlationId", equalTo("backend-req-42"));
        // An id we cannot use (spaces, quotes, too long) is replaced, not refused: tracing proxies have their own formats.
        String replaced = given().auth().oauth2(TestTokens.operator()).header("X-Correlation-Id", "no \"spaces\" allowed")
                .get("/v1/accounts/" + java.util.UUID.randomUUID())
                .then().statusCode(404).header("X-Correlation-Id", notNullValue()).extract().header("X-Correlation-Id");
        assertThat(replaced).isNotEqualTo("no \"spaces\" allowed").matches("[0-9a-f-]{36}");
        // Scheduled jobs' runs own the scheduled: prefix; a request cannot pass for one.
        given().auth().oauth2(TestTokens.operator()).header("X-Correlation-Id", "scheduled:license-expiry:1")
                .get("/v1/accounts/" + java.util.UUID.randomUUID())
                .then().statusCode(404).header("X-Correlation-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void an_unknown_query_parameter_is_refused() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).queryParam("dryRun", "true")
                .body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts")
                .then().statusCode(400).body("code", equalTo("unknown-parameter")).body("detail", containsString("dryRun"));
    }

    @Test
    void validation_problems_name_each_field() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"contactEmail\":\"nope\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts")
                .then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("contactEmail"));
    }

    @Test
    void an_empty_body_is_a_validation_problem() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .when().post("/v1/accounts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_non_json_media_type_is_415() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.TEXT).body("name=Acme")
                .when().post("/v1/accounts")
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("unsupported-media-type"));
    }

    @Test
    void no_token_is_401() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts")
                .then().statusCode(401).header("WWW-Authenticate", notNullValue())
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
    }

    @Test
    void an_invalid_or_expired_token_is_401() {
        given().auth().oauth2("not.a.jwt").contentType(ContentType.JSON).body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
        given().auth().oauth2(TestTokens.expired()).contentType(ContentType.JSON).body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
    }

    @Test
    void a_customer_or_a_token_without_roles_is_403() {
        given().auth().oauth2(TestTokens.customerOf(java.util.UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.withoutRoles()).contentType(ContentType.JSON)
                .body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"licenseType\":\"test-starter\"}")
                .when().post("/v1/accounts").then().statusCode(403);
    }
}
