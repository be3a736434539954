package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.WebhookReceiver;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vendor's staff in the real browser: an onboarding followed live, search, a license suspended and reinstated after
 * confirmation, the funnel, license types, the compliance log with its verification and export, webhook deliveries and
 * a redelivery; support staff read but do not change.
 */
class VendorPortalTest {

    private static final LocatorAssertions.HasCountOptions LIVE = new LocatorAssertions.HasCountOptions().setTimeout(30_000);

    @BeforeAll
    static void demoCustomer() throws Exception {
        DemoCustomer.ensureSeeded();
    }

    @Test
    void an_operator_follows_an_onboarding_live_finds_it_and_suspends_and_reinstates_its_license() throws Exception {
        String type = OfferedTypes.floating("portal-e2e");
        String contact = "portal-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor-e2e.example.com";
        String onboardingUrl = PackagedSuite.service("onboarding").url();
        var created = given().baseUri(onboardingUrl).auth().oauth2(KeycloakTokens.backend()).contentType(ContentType.JSON)
                .body("{\"name\": \"Portal Vendor E2E\", \"contactEmail\": \"" + contact + "\", \"licenseType\": \"" + type + "\", \"seats\": 2}")
                .post("/v1/accounts").then().statusCode(201).extract();
        String accountId = created.path("id");
        String onboardingId = created.path("onboardingId");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(onboardingUrl).auth().oauth2(KeycloakTokens.backend())
                .get("/v1/onboardings/" + onboardingId).then().extract().path("licenseId") != null);
        String licenseId = given().baseUri(onboardingUrl).auth().oauth2(KeycloakTokens.backend()).get("/v1/onboardings/" + onboardingId)
                .then().extract().path("licenseId");

        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "operator", "/accounts/" + accountId);
            PlaywrightAssertions.assertThat(page.locator("#onboarding li.DONE")).hasCount(2);
            page.evaluate("window.portalTestMarker = 'still the same page'");
            PlaywrightAssertions.assertThat(page.locator(".live")).hasText(PortalBrowser.LIVE, new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            // The product on the customer's machine activates: the page shows the step confirmed, without a reload.
            String key = given().baseUri(PackagedSuite.service("entitlement").url()).auth().oauth2(KeycloakTokens.user("operator", "operator"))
                    .post("/v1/licenses/" + licenseId + "/reveal-key").then().statusCode(200).extract().path("key");
            given().baseUri(PackagedSuite.service("entitlement").url()).contentType(ContentType.JSON)
                    .body("{\"key\": \"" + key + "\", \"fingerprint\": \"portal-vendor-e2e\", \"platform\": \"linux-x86_64\"}")
                    .post("/v1/activations").then().statusCode(201);
            PlaywrightAssertions.assertThat(page.locator("#onboarding li.DONE")).hasCount(3, LIVE);
            assertThat(page.evaluate("window.portalTestMarker")).as("the page was not reloaded").isEqualTo("still the same page");
            PortalBrowser.record(page, "vendor-account-onboarding");

            // A retry goes through to onboarding-service, which refuses it for an onboarding that has not failed: the
            // portal shows the service's own problem code, and nothing changes.
            String csrf = page.locator("input[name=csrf]").first().getAttribute("value");
            APIResponse retry = page.request().post(PortalBrowser.url("/vendor/onboarding/" + onboardingId + "/retry"),
                    RequestOptions.create().setForm(FormData.create().set("csrf", csrf).set("seats", "3")));
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.text()).contains("onboarding-not-failed");

            page.navigate(PortalBrowser.url("/vendor"));
            page.fill("#q", contact);
            page.click("form[role=search] button");
            PlaywrightAssertions.assertThat(page.locator("#result-" + accountId)).containsText("Portal Vendor E2E");
            PortalBrowser.record(page, "vendor-search");
            page.click("#result-" + accountId + " a[href$='/licenses/" + licenseId + "']");
            PlaywrightAssertions.assertThat(page.locator("h1 .badge")).hasText("ACTIVE");

            page.click("text=Suspend…");
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Suspend this license?");
            PlaywrightAssertions.assertThat(page.locator(".notice")).containsText("stop working until it is reinstated");
            page.fill("#reason", "portal e2e: payment overdue");
            PortalBrowser.record(page, "vendor-confirm-suspend");
            page.click("#confirm");
            PlaywrightAssertions.assertThat(page.locator("h1 .badge")).hasText("SUSPENDED");
            PlaywrightAssertions.assertThat(page.locator("#done")).hasText("The license is suspended.");
            licenseStatusIs(licenseId, "SUSPENDED");

            page.click("text=Reinstate…");
            page.click("#confirm");
            PlaywrightAssertions.assertThat(page.locator("h1 .badge")).hasText("ACTIVE");
            licenseStatusIs(licenseId, "ACTIVE");

            // This license under another account's address is not found there.
            assertThat(page.navigate(PortalBrowser.url("/accounts/" + DemoCustomer.ACCOUNT + "/licenses/" + licenseId)).status()).isEqualTo(404);
        }
    }

    @Test
    void an_operator_sees_a_failed_onboarding_with_its_reason_in_the_funnel_and_retries_it_with_fewer_seats() throws Exception {
        String type = OfferedTypes.floating("portal-fail");
        // entitlement-service's current version of the type now allows one seat at most while onboarding-service still
        // offers up to 100: the race between a new version and an onboarding, made certain. The license is refused.
        TestDatabase.execute("entitlement", "UPDATE license_type_version SET definition = jsonb_set(definition, '{seats,maxLimit}', '1') "
                + "WHERE name = '" + type + "'");
        String onboardingUrl = PackagedSuite.service("onboarding").url();
        var created = given().baseUri(onboardingUrl).auth().oauth2(KeycloakTokens.backend()).contentType(ContentType.JSON)
                .body("{\"name\": \"Portal Failed E2E\", \"contactEmail\": \"failed@vendor-e2e.example.com\", \"licenseType\": \"" + type + "\", \"seats\": 5}")
                .post("/v1/accounts").then().statusCode(201).extract();
        String onboardingId = created.path("onboardingId");
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(given().baseUri(onboardingUrl).auth().oauth2(KeycloakTokens.backend())
                .get("/v1/onboardings/" + onboardingId).then().extract().path("status")));

        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "operator", "/vendor/onboarding");
            PlaywrightAssertions.assertThat(page.locator("#failed-" + onboardingId)).containsText("seats");
            PortalBrowser.record(page, "vendor-funnel-failed");
            page.fill("#seats-" + onboardingId, "1");
            page.locator("#failed-" + onboardingId + " button").click();
            page.waitForURL(url -> url.contains("retried=" + onboardingId));
            PlaywrightAssertions.assertThat(page.locator("#retried")).isVisible();
            PlaywrightAssertions.assertThat(page.locator("#failed-" + onboardingId)).hasCount(0);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(onboardingUrl).auth().oauth2(KeycloakTokens.backend())
                .get("/v1/onboardings/" + onboardingId).then().body("attempt", org.hamcrest.Matchers.equalTo(2))
                .body("waitingFor", org.hamcrest.Matchers.equalTo("ACTIVATED")).body("seats", org.hamcrest.Matchers.equalTo(1)));
    }

    @Test
    void staff_read_the_funnel_the_license_types_and_the_verified_compliance_log() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "admin", "/");
            assertThat(page.url()).as("staff start at the search").isEqualTo(PortalBrowser.url("/vendor"));
            PortalBrowser.record(page, "vendor-start");
            page.fill("#account", DemoCustomer.ACCOUNT);
            page.fill("#subject", DemoCustomer.END_USER_SUBJECT);
            page.click("text=Show choices");
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("user " + DemoCustomer.END_USER_SUBJECT);
            PlaywrightAssertions.assertThat(page.locator("tbody tr").first()).containsText("telemetry");
            PortalBrowser.record(page, "vendor-subject");

            page.click("nav >> text=Onboarding");
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Onboarding funnel");
            PlaywrightAssertions.assertThat(page.locator("#step-COMPLETED")).containsText("completed");
            PortalBrowser.record(page, "vendor-funnel");

            page.click("nav >> text=License types");
            PlaywrightAssertions.assertThat(page.locator("table")).containsText("team-annual");
            PortalBrowser.record(page, "vendor-license-types");
            page.click("a[href='/vendor/license-types/team-annual']");
            PlaywrightAssertions.assertThat(page.locator("h2").first()).containsText("Version 1");
            PortalBrowser.record(page, "vendor-license-type");

            page.click("nav >> text=Compliance log");
            // The page shows what optout-service's verification says (other suites tamper with the shared test log).
            boolean valid = given().baseUri(PackagedSuite.service("optout").url()).auth().oauth2(KeycloakTokens.user("admin", "admin"))
                    .get("/v1/audit/verify").then().statusCode(200).extract().path("valid");
            PlaywrightAssertions.assertThat(page.locator("#verification")).containsText(valid ? "The hash chain of all" : "The chain is broken at entry");
            PortalBrowser.record(page, "vendor-compliance");
            Download csv = page.waitForDownload(() -> page.click("text=CSV"));
            assertThat(csv.suggestedFilename()).isEqualTo("compliance-log.csv");
            String header = Files.readAllLines(csv.path()).get(0);
            assertThat(header).as("a CSV header row, not JSON").doesNotStartWith("[").startsWith("seq,").contains(",hash");
        }
    }

    @Test
    void an_admin_sees_a_webhook_endpoints_deliveries_and_redelivers_one() throws Exception {
        String optout = PackagedSuite.service("optout").url();
        String admin = KeycloakTokens.user("admin", "admin");
        String subject = "portal-webhook-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String webhookId = given().baseUri(optout).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"url\": \"" + receiver.url() + "\", \"account\": \"" + DemoCustomer.ACCOUNT + "\", \"description\": \"" + subject + "\"}")
                    .post("/v1/webhooks").then().statusCode(201).extract().path("id");
            try {
                given().baseUri(optout).auth().oauth2(admin).contentType(ContentType.JSON)
                        .body("{\"changes\": [{\"accountId\": \"" + DemoCustomer.ACCOUNT + "\", \"subject\": {\"kind\": \"user\", \"id\": \"" + subject
                                + "\"}, \"purpose\": \"telemetry\", \"optedOut\": true}]}")
                        .post("/v1/optouts").then().statusCode(200);
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests.size() >= 1);

                try (BrowserContext browser = PortalBrowser.context(options -> { })) {
                    Page page = PortalBrowser.signIn(browser, "admin", "/vendor/webhooks");
                    PlaywrightAssertions.assertThat(page.locator("table")).containsText(subject);
                    PortalBrowser.record(page, "vendor-webhooks");
                    page.click("a[href='/vendor/webhooks/" + webhookId + "']");
                    PlaywrightAssertions.assertThat(page.locator(".badge.delivered").first()).isVisible();
                    PortalBrowser.record(page, "vendor-deliveries");
                    String firstId = receiver.requests.get(0).header("webhook-id");
                    page.locator("tr", new Page.LocatorOptions().setHasText(firstId)).locator("button").click();
                    page.waitForURL(url -> url.contains("redelivered="));
                    PlaywrightAssertions.assertThat(page.locator("#redelivered")).isVisible();
                    await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests.stream().filter(r -> firstId.equals(r.header("webhook-id"))).count() >= 2);
                }
            } finally {
                given().baseUri(optout).auth().oauth2(admin).delete("/v1/webhooks/" + webhookId).then().statusCode(204);
            }
        }
    }

    @Test
    void support_staff_find_a_customers_license_status_and_reach_nothing_else() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "support", "/");
            assertThat(page.url()).isEqualTo(PortalBrowser.url("/vendor"));
            page.fill("#q", "it@demo-customer.example.com");
            page.click("form[role=search] button");
            PlaywrightAssertions.assertThat(page.locator("#result-" + DemoCustomer.ACCOUNT)).containsText("Demo Customer Ltd");
            PlaywrightAssertions.assertThat(page.locator("#result-" + DemoCustomer.ACCOUNT)).containsText("ACTIVE");
            PlaywrightAssertions.assertThat(page.locator("#result-" + DemoCustomer.ACCOUNT + " a")).hasCount(0);
            PlaywrightAssertions.assertThat(page.locator("nav[aria-label=Main] a")).hasText(new String[] {"Search"});
            PortalBrowser.record(page, "support-search");
            String licenseId = given().baseUri(PackagedSuite.service("entitlement").url()).auth().oauth2(KeycloakTokens.user("customer", "customer"))
                    .get("/v1/accounts/" + DemoCustomer.ACCOUNT + "/licenses").then().statusCode(200).extract().path("items[0].id");
            for (String path : new String[] {"/accounts/" + DemoCustomer.ACCOUNT, "/accounts/" + DemoCustomer.ACCOUNT + "/licenses/" + licenseId,
                    "/vendor/licenses/" + licenseId + "/suspend", "/vendor/onboarding", "/vendor/license-types", "/vendor/compliance", "/vendor/webhooks",
                    "/me"}) {
                assertThat(page.navigate(PortalBrowser.url(path)).status()).as(path).isEqualTo(403);
            }
        }
    }

    private static void licenseStatusIs(String licenseId, String status) {
        given().baseUri(PackagedSuite.service("entitlement").url()).auth().oauth2(KeycloakTokens.user("operator", "operator"))
                .get("/v1/licenses/" + licenseId).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(status));
    }
}
