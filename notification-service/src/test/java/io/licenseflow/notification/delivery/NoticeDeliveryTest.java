package io.licenseflow.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.Topics;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.notification.Customers;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestKeys;
import io.licenseflow.testing.TestMailbox;
import io.licenseflow.testing.TestMailbox.ReceivedMessage;
import io.licenseflow.testing.TestMetrics;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Notices go out over the real SMTP server once per triggering event, and come back over IMAP as the customer reads them. */
@QuarkusTest
@WithLocalStack(database = "notification", mail = true)
class NoticeDeliveryTest {

    /** A bound, not a measure (mail arrives in well under a second): the events behind it may wait for a consumer group to settle. */
    private static final Duration MAIL = Duration.ofSeconds(120);

    @Test
    void an_issued_key_reaches_the_customer_in_their_language_once_with_both_parts() throws Exception {
        Customers customer = Customers.created("Beispiel GmbH", "de-AT");
        UUID licenseId = UUID.randomUUID();
        String key = TestKeys.keyShaped();
        customer.licenseIssued(licenseId, "team-annual", 5, Instant.parse("2027-12-01T00:00:00Z"));
        EventEnvelope issued = customer.keyIssued(licenseId, key, "ISSUED");

        List<ReceivedMessage> mail = TestMailbox.await(customer.email(), 2, MAIL);
        ReceivedMessage details = mail.stream().filter(m -> m.subject().startsWith("Ihre Acme Studio-Lizenz")).findFirst().orElseThrow();
        ReceivedMessage activation = mail.stream().filter(m -> m.subject().contains("aktivieren")).findFirst().orElseThrow();
        assertThat(details.from()).isEqualTo("Acme Licensing <licenses@acme.example>");
        assertThat(details.to()).containsExactly(customer.email());
        assertThat(details.header("Content-Language")).isEqualTo("de");
        assertThat(details.header("Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(details.header("X-LicenseFlow-Template")).isEqualTo("license-details/v1");
        assertThat(details.text()).contains(key, "Gültig bis: 1. Dezember 2027", "http://localhost:8085/licenses/" + licenseId);
        assertThat(details.html()).contains(key, "<html lang=\"de\">", "href=\"http://localhost:8085/licenses/" + licenseId + "\"");
        assertThat(activation.text()).contains("acme-studio activate " + key, "https://acme.example/docs/activation");
        assertThat(activation.html()).contains("acme-studio activate " + key);

        String noticeId = details.header("X-LicenseFlow-Notice");
        assertThat(details.header("Message-ID")).isEqualTo("<" + noticeId + "@notices.acme.example>");
        JsonPath logged = given().auth().oauth2(TestTokens.operator()).get("/v1/notices/{id}", noticeId).then().statusCode(200).extract().jsonPath();
        assertThat(logged.getString("status")).isEqualTo("sent");
        assertThat(logged.getString("recipient")).isEqualTo(customer.email());
        assertThat(logged.getString("locale")).isEqualTo("de");
        assertThat(logged.getString("triggerEventId")).isEqualTo(issued.id().toString());
        assertThat(logged.getInt("attempts")).isEqualTo(1);
        assertThat(logged.getString("optOut.decision")).isEqualTo("not-applicable");
        assertThat(logged.getString("messageId")).isEqualTo(details.header("Message-ID"));
        assertThat(logged.<String, Object>getMap("").keySet()).as("the log shows no payload (a key notice's holds the hand-off)")
                .contains("triggerEventId", "template").noneMatch(field -> field.toLowerCase().contains("payload") || field.toLowerCase().contains("key"));

        // Kafka delivers the event again: nothing more is sent.
        TestKafka.publish(Topics.LICENSE_KEY_EVENTS, issued);
        Thread.sleep(3000);
        TestMailbox.await(customer.email(), 2, MAIL);
        assertThat(TestDatabase.count("notification", "SELECT count(*) FROM notice WHERE trigger_event_id = ?::uuid", issued.id().toString())).isEqualTo(2);

        // The key is nowhere in clear: not in the database, not in the service's log.
        assertThat(TestDatabase.count("notification", "SELECT count(*) FROM notice WHERE trigger_payload::text LIKE ?", "%" + key + "%")).isZero();
        assertThat(Files.readString(io.licenseflow.testing.TestLogs.SERVICE_LOG)).doesNotContain(key);
        assertThat(TestMetrics.value("licenseflow_notices_total", "template", "license-details", "outcome", "sent")).isPositive();
        assertThat(TestMetrics.value("licenseflow_notice_delivery_seconds_count", "template", "license-details")).isPositive();
    }

    @Test
    void a_key_handed_off_before_its_license_is_known_waits_for_it() {
        Customers customer = Customers.created("Example Ltd", "en");
        UUID licenseId = UUID.randomUUID();
        customer.keyIssued(licenseId, TestKeys.keyShaped(), "ISSUED");
        Awaitility.await().atMost(MAIL).until(() -> TestDatabase.count("notification",
                "SELECT count(*) FROM notice WHERE license_id = ?::uuid AND attempts = 0 AND last_error LIKE '%license%not known%'", licenseId.toString()) == 2);
        assertThat(TestMailbox.messages(customer.email())).isEmpty();

        String type = "type-" + licenseId.toString().substring(0, 8);
        TestKafka.publish(Topics.LICENSE_TYPE_EVENTS, io.licenseflow.testing.TestEvents.licenseTypePublished(type, 3, null));
        Awaitility.await().atMost(MAIL).until(() -> TestDatabase.count("notification", "SELECT count(*) FROM license_type_name WHERE name = ?", type) == 1);
        customer.licenseIssued(licenseId, type, 3, null);
        List<ReceivedMessage> mail = TestMailbox.await(customer.email(), 2, MAIL);
        assertThat(mail).extracting(ReceivedMessage::subject)
                .containsExactlyInAnyOrder("Your Acme Studio license (Test " + type + ")", "How to activate Acme Studio");
        assertThat(mail.stream().filter(m -> m.subject().startsWith("Your")).findFirst().orElseThrow().text())
                .contains("Valid until: no end date (perpetual)");
    }

    @Test
    void expiry_suspension_and_revocation_are_announced_with_their_facts() {
        Customers customer = Customers.created("Example Inc", "en-US");
        UUID licenseId = UUID.randomUUID();
        customer.licenseIssued(licenseId, "team-annual", 5, Instant.parse("2027-01-15T00:00:00Z"));
        customer.expiring(licenseId, Instant.parse("2027-01-15T00:00:00Z"));
        ReceivedMessage expiring = TestMailbox.await(customer.email(), 1, MAIL).get(0);
        assertThat(expiring.subject()).isEqualTo("Your Acme Studio license expires on January 15, 2027");
        assertThat(expiring.text()).contains("will not renew by itself", "Renew your license: http://localhost:8085/licenses/" + licenseId);

        customer.changed(LicenseChanged.SUSPENDED, licenseId, LicenseStatus.SUSPENDED, Instant.parse("2027-01-15T00:00:00Z"), "invoice <42> overdue");
        ReceivedMessage suspended = TestMailbox.await(customer.email(), 2, MAIL).get(1);
        assertThat(suspended.subject()).isEqualTo("Your Acme Studio license has been suspended");
        assertThat(suspended.text()).contains("Reason given: invoice <42> overdue");
        assertThat(suspended.html()).contains("Reason given: invoice &lt;42&gt; overdue").doesNotContain("<42>");

        customer.changed(LicenseChanged.REVOKED, licenseId, LicenseStatus.REVOKED, Instant.parse("2027-01-15T00:00:00Z"), null);
        ReceivedMessage revoked = TestMailbox.await(customer.email(), 3, MAIL).get(2);
        assertThat(revoked.subject()).isEqualTo("Your Acme Studio license has been revoked");
        assertThat(revoked.text()).contains("No reason was given.");

        customer.changed(LicenseChanged.EXPIRED, licenseId, LicenseStatus.EXPIRED, Instant.parse("2027-01-15T00:00:00Z"), null);
        ReceivedMessage expired = TestMailbox.await(customer.email(), 4, MAIL).get(3);
        assertThat(expired.subject()).isEqualTo("Your Acme Studio license has expired");
        assertThat(expired.text()).contains("expired on January 15, 2027");
        given().auth().oauth2(TestTokens.customerOf(customer.accountId())).get("/v1/notices?account=" + customer.accountId())
                .then().statusCode(200).body("items.size()", equalTo(4)).body("items.status.unique()", equalTo(List.of("sent")));
    }

    @Test
    void lifecycle_notices_honour_marketing_email_opt_outs_and_record_the_version_seen() {
        int subjectsBefore = optOutViewSubjects();
        Customers optedOut = Customers.created("Quiet Corp", "en");
        optedOut.optedOut("account", optedOut.accountId().toString(), 4, List.of("marketing-email"));
        Customers contactOptedOut = Customers.created("Private Corp", "en");
        contactOptedOut.optedOut("user", contactOptedOut.email(), 2, List.of("marketing-email"));
        Customers welcome = Customers.created("Open Corp", "en");
        welcome.optedOut("account", welcome.accountId().toString(), 7, List.of("telemetry"));
        // The view follows the compacted state topic: the three states are in it before the notices are triggered.
        Awaitility.await().atMost(MAIL).until(() -> optOutViewSubjects() >= subjectsBefore + 3);

        EventEnvelope quiet = optedOut.onboardingCompleted(null);
        Awaitility.await().atMost(MAIL).until(() -> TestDatabase.count("notification",
                "SELECT count(*) FROM notice WHERE trigger_event_id = ?::uuid AND status <> 'queued'", quiet.id().toString()) == 1);
        assertThat(TestDatabase.text("notification", "SELECT status || ' ' || optout_decision || ' ' || optout_version FROM notice WHERE trigger_event_id = ?::uuid",
                quiet.id().toString())).isEqualTo("suppressed suppressed 4");
        EventEnvelope person = contactOptedOut.onboardingCompleted(null);
        EventEnvelope open = welcome.onboardingCompleted(null);

        ReceivedMessage sent = TestMailbox.await(welcome.email(), 1, MAIL).get(0);
        assertThat(sent.subject()).isEqualTo("Welcome to Acme Studio, Open Corp: you are all set");
        assertThat(sent.header("List-Unsubscribe")).isEqualTo("<http://localhost:8085/optouts>");
        assertThat(sent.text()).contains("You can stop these messages at any time: http://localhost:8085/optouts");
        assertThat(TestDatabase.text("notification", "SELECT optout_decision || ' ' || optout_version FROM notice WHERE trigger_event_id = ?::uuid",
                open.id().toString())).isEqualTo("allowed 7");
        Awaitility.await().atMost(MAIL).until(() -> "suppressed".equals(TestDatabase.text("notification",
                "SELECT status FROM notice WHERE trigger_event_id = ?::uuid", person.id().toString())));
        assertThat(TestDatabase.text("notification", "SELECT optout_subject || ' ' || optout_version FROM notice WHERE trigger_event_id = ?::uuid",
                person.id().toString())).isEqualTo(contactOptedOut.accountId() + ":user:" + contactOptedOut.email() + " 2");
        assertThat(TestMailbox.messages(optedOut.email())).isEmpty();
        assertThat(TestMailbox.messages(contactOptedOut.email())).isEmpty();

        // Transactional notices go to the opted-out account all the same.
        UUID licenseId = UUID.randomUUID();
        optedOut.licenseIssued(licenseId, "team-annual", 1, null);
        optedOut.keyIssued(licenseId, TestKeys.keyShaped(), "ISSUED");
        assertThat(TestMailbox.await(optedOut.email(), 2, MAIL)).hasSize(2);
    }

    private static int optOutViewSubjects() {
        return given().get("/q/health/ready").then().extract().jsonPath().getInt("checks.find { it.name == 'optout-view' }.data.subjects");
    }
}
