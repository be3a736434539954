package io.licenseflow.onboarding.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.licenseflow.testing.LocalStackResource;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets an RFC 9457 problem with a stable code, and changes nothing. */
@QuarkusTest
@Isolated
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "onboarding"),
        scope = TestResourceScope.MATCHING_RESOURCES)
class CreateAccountRejectsBadInputTest {

    private long accountsBefore;
    private long eventsBefore;

    @BeforeEach
    void countRows() {
        accountsBefore = TestDatabase.count("onboarding", "SELECT count(*) FROM account");
        eventsBefore = TestDatabase.count("onboarding", "SELECT count(*) FROM outbox");
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(TestDatabase.count("onboarding", "SELECT count(*) FROM account")).isEqualTo(accountsBefore);
        assertThat(TestDatabase.count("onboarding", "SELECT count(*) FROM outbox")).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"Acme\",                             | malformed-json",
            "not json at all                                  | malformed-json",
            "[1,2]                                            | malformed-json",
            "{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\",\"plan\":\"gold\"} | unknown-field",
            "{\"name\":{\"first\":\"A\"},\"contactEmail\":\"a@b.example.com\"}   | wrong-type",
            "{\"name\":\"Acme\"}                              | validation-failed",
            "{}                                               | validation-failed",
            "{\"name\":\"   \",\"contactEmail\":\"a@b.example.com\"}  | validation-failed",
            "{\"name\":\"Acme\",\"contactEmail\":\"not-an-email\"}    | validation-failed",
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
    void validation_problems_name_each_field() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"contactEmail\":\"nope\"}")
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
        given().contentType(ContentType.JSON).body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\"}")
                .when().post("/v1/accounts")
                .then().statusCode(401).header("WWW-Authenticate", notNullValue())
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
    }

    @Test
    void an_invalid_or_expired_token_is_401() {
        given().auth().oauth2("not.a.jwt").contentType(ContentType.JSON).body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\"}")
                .when().post("/v1/accounts").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
        given().auth().oauth2(TestTokens.expired()).contentType(ContentType.JSON).body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\"}")
                .when().post("/v1/accounts").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthenticated"));
    }

    @Test
    void a_customer_or_a_token_without_roles_is_403() {
        given().auth().oauth2(TestTokens.customerOf(java.util.UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\"}")
                .when().post("/v1/accounts")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.withoutRoles()).contentType(ContentType.JSON)
                .body("{\"name\":\"Acme\",\"contactEmail\":\"a@b.example.com\"}")
                .when().post("/v1/accounts").then().statusCode(403);
    }
}
