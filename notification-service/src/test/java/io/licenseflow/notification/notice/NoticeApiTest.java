package io.licenseflow.notification.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.licenseflow.notification.Customers;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestKeys;
import io.licenseflow.testing.TestMailbox;
import io.licenseflow.testing.TestMailbox.ReceivedMessage;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The delivery log and resending, who may use them, and what bad input gets. */
@QuarkusTest
@WithLocalStack(database = "notification", mail = true)
class NoticeApiTest {

    /** A bound, not a measure (mail arrives in well under a second): the events behind it may wait for a consumer group to settle. */
    private static final Duration MAIL = Duration.ofSeconds(120);

    @Test
    void an_operator_resends_a_notice_to_the_contact_or_elsewhere_and_the_log_links_them() {
        Customers customer = Customers.created("Resend Corp", "en");
        UUID licenseId = UUID.randomUUID();
        customer.licenseIssued(licenseId, "team-annual", 2, null);
        String key = TestKeys.keyShaped();
        customer.keyIssued(licenseId, key, "ISSUED");
        customer.expiring(licenseId, java.time.Instant.parse("2027-03-01T00:00:00Z"));
        TestMailbox.await(customer.email(), 3, MAIL);
        String details = noticeId(customer, "license-details");
        String expiring = noticeId(customer, "license-expiring");

        var answer = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{}")
                .post("/v1/notices/{id}/resend", details).then().statusCode(202)
                .body("resendOf", equalTo(details)).body("status", equalTo("queued")).extract();
        String resent = answer.path("id");
        assertThat(answer.header("Location")).endsWith("/v1/notices/" + resent);
        List<ReceivedMessage> mail = TestMailbox.await(customer.email(), 4, MAIL);
        assertThat(mail.get(3).text()).contains(key);
        assertThat(mail.get(3).header("X-LicenseFlow-Notice")).isEqualTo(resent);
        given().auth().oauth2(TestTokens.admin()).get("/v1/notices/{id}", resent).then().statusCode(200)
                .body("status", equalTo("sent")).body("requestedBy", equalTo("test-operator")).body("templateVersion", equalTo(1));

        String other = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"to\":\"" + other + "\"}")
                .post("/v1/notices/{id}/resend", expiring).then().statusCode(202);
        assertThat(TestMailbox.await(other, 1, MAIL).get(0).subject()).isEqualTo("Your Acme Studio license expires on March 1, 2027");
    }

    @Test
    void bad_input_gets_a_problem_and_changes_nothing() {
        Customers customer = Customers.created("Strict Corp", "en");
        UUID licenseId = UUID.randomUUID();
        customer.licenseIssued(licenseId, "team-annual", 2, null);
        customer.keyIssued(licenseId, TestKeys.keyShaped(), "ISSUED");
        TestMailbox.await(customer.email(), 2, MAIL);
        String details = noticeId(customer, "license-details");
        long notices = TestDatabase.count("notification", "SELECT count(*) FROM notice");

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{}")
                .post("/v1/notices/{id}/resend", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("unknown-notice"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"to\":\"not an address\"}")
                .post("/v1/notices/{id}/resend", noticeId(customer, "activation-instructions")).then().statusCode(400)
                .body("code", equalTo("invalid-email")).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"to\":\"thief@elsewhere.example\"}")
                .post("/v1/notices/{id}/resend", details).then().statusCode(409).body("code", equalTo("key-notice-recipient-fixed"));
        given().auth().oauth2(TestTokens.operator()).get("/v1/templates/no-such-notice/preview").then().statusCode(404)
                .body("code", equalTo("unknown-template"));
        given().auth().oauth2(TestTokens.operator()).get("/v1/templates/license-details/preview?locale=fr").then().statusCode(404)
                .body("code", equalTo("unknown-template")).body("detail", containsString("locales [en, de]"));
        given().auth().oauth2(TestTokens.operator()).get("/v1/notices?template=no-such-notice").then().statusCode(404)
                .body("code", equalTo("unknown-template"));
        given().auth().oauth2(TestTokens.operator()).get("/v1/notices?status=lost").then().statusCode(400)
                .body("code", equalTo("invalid-parameter"));
        assertThat(TestDatabase.count("notification", "SELECT count(*) FROM notice")).isEqualTo(notices);
    }

    @Test
    void customers_see_their_own_notices_only_and_cannot_resend() {
        Customers customer = Customers.created("Own Corp", "en");
        Customers other = Customers.created("Other Corp", "en");
        UUID licenseId = UUID.randomUUID();
        customer.licenseIssued(licenseId, "team-annual", 2, null);
        customer.keyIssued(licenseId, TestKeys.keyShaped(), "ISSUED");
        TestMailbox.await(customer.email(), 2, MAIL);
        String details = noticeId(customer, "license-details");

        given().auth().oauth2(TestTokens.customerOf(customer.accountId())).get("/v1/notices/{id}", details).then().statusCode(200);
        given().auth().oauth2(TestTokens.customerOf(other.accountId())).get("/v1/notices/{id}", details).then().statusCode(404)
                .body("code", equalTo("unknown-notice"));
        given().auth().oauth2(TestTokens.customerOf(other.accountId())).get("/v1/notices?account=" + customer.accountId()).then().statusCode(403);
        given().auth().oauth2(TestTokens.customerOf(customer.accountId())).get("/v1/notices").then().statusCode(400)
                .body("code", equalTo("invalid-parameter"));
        given().auth().oauth2(TestTokens.customerOf(customer.accountId())).contentType(ContentType.JSON).body("{}")
                .post("/v1/notices/{id}/resend", details).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("support-1", List.of("support"), java.util.Map.of())).get("/v1/notices?account=" + customer.accountId())
                .then().statusCode(200).body("items.template", hasItems("license-details", "activation-instructions"));
    }

    @Test
    void templates_are_listed_and_previewed_from_their_examples() {
        given().auth().oauth2(TestTokens.operator()).get("/v1/templates").then().statusCode(200)
                .body("name", hasItems("license-details", "activation-instructions", "license-expiring", "license-expired",
                        "license-suspended", "license-revoked", "onboarding-completed"))
                .body("find { it.name == 'onboarding-completed' }.category", equalTo("lifecycle"))
                .body("find { it.name == 'license-details' }.carriesKey", equalTo(true));
        given().auth().oauth2(TestTokens.operator()).get("/v1/templates/license-expiring/preview?locale=de").then().statusCode(200)
                .body("subject", equalTo("Ihre Acme Studio-Lizenz läuft am 1. Dezember 2027 ab")).body("html", containsString("<html lang=\"de\">"));
    }

    private static String noticeId(Customers customer, String template) {
        return given().auth().oauth2(TestTokens.operator()).get("/v1/notices?account=" + customer.accountId() + "&template=" + template)
                .then().statusCode(200).extract().path("items[0].id");
    }
}
