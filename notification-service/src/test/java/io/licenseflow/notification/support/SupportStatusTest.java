package io.licenseflow.notification.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.licenseflow.notification.Customers;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Support staff find a customer by account, email or key prefix and read their license status, without engineering help. */
@QuarkusTest
@WithLocalStack(database = "notification", mail = true)
class SupportStatusTest {

    private static final String SUPPORT = TestTokens.token("support-sam", List.of("support"), Map.of());

    @Test
    void a_customer_is_found_by_account_email_or_key_prefix_with_onboarding_licenses_seats_and_notices() {
        Customers customer = Customers.created("Status Corp", "en");
        Customers.OnboardedLicense onboarded = customer.onboarded("status");
        String type = onboarded.type();
        String keyPrefix = onboarded.keyPrefix();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(SUPPORT)
                .get("/v1/support/status?account=" + customer.accountId()).then().statusCode(200)
                .body("[0].account.contactEmail", equalTo(customer.email()))
                .body("[0].onboarding.status", equalTo("completed")).body("[0].onboarding.step", equalTo("COMPLETED"))
                .body("[0].licenses", hasSize(1)).body("[0].licenses[0].seatsUsed", equalTo(2)).body("[0].licenses[0].seatLimit", equalTo(5))
                .body("[0].licenses[0].status", equalTo("ACTIVE")).body("[0].licenses[0].typeName", equalTo("Test " + type))
                .body("[0].licenses[0].expiresAt", equalTo("2027-09-01T00:00:00Z"))
                .body("[0].recentNotices.template", hasItem("onboarding-completed")));

        given().auth().oauth2(SUPPORT).get("/v1/support/status?email=" + customer.email().toUpperCase()).then().statusCode(200)
                .body("account.id", contains(customer.accountId().toString()));
        given().auth().oauth2(SUPPORT).get("/v1/support/status?keyPrefix=" + keyPrefix).then().statusCode(200)
                .body("account.id", hasItem(customer.accountId().toString()));
        given().auth().oauth2(TestTokens.operator()).get("/v1/support/status?account=" + UUID.randomUUID()).then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void only_staff_may_ask_and_bad_questions_get_a_problem() {
        given().auth().oauth2(TestTokens.customerOf(UUID.randomUUID())).get("/v1/support/status?account=" + UUID.randomUUID()).then().statusCode(403);
        given().get("/v1/support/status?account=" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(SUPPORT).get("/v1/support/status").then().statusCode(400).body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(SUPPORT).get("/v1/support/status?account=" + UUID.randomUUID() + "&email=a@b.example").then().statusCode(400)
                .body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(SUPPORT).get("/v1/support/status?keyPrefix=LF-7Q2M-K9XR-4TWD-H3PV-8NCJ").then().statusCode(400)
                .body("code", equalTo("invalid-parameter")).body("errors[0].field", equalTo("keyPrefix"));
        given().auth().oauth2(SUPPORT).get("/v1/support/status?email=not-an-address").then().statusCode(400)
                .body("code", equalTo("invalid-email"));
        // support reads; it changes nothing
        given().auth().oauth2(SUPPORT).contentType("application/json").body("{}").post("/v1/notices/{id}/resend", UUID.randomUUID())
                .then().statusCode(403);
        given().auth().oauth2(SUPPORT).post("/v1/crm/accounts/{id}/sync", UUID.randomUUID()).then().statusCode(403);
    }
}
