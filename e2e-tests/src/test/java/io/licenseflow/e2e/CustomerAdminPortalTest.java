package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.licenseflow.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's admin in the real browser, signed in as the demo customer: the account's onboarding, licenses, a
 * license's machines (deactivating one) and usage chart, the users' privacy choices and the account's own, the notices
 * sent; and no other account by editing the address.
 */
class CustomerAdminPortalTest {

    @BeforeAll
    static void demoCustomer() throws Exception {
        DemoCustomer.ensureSeeded();
    }

    @Test
    void a_customer_admin_reads_the_account_and_deactivates_one_of_its_machines() throws Exception {
        String licenseId = given().baseUri(PackagedSuite.service("entitlement").url()).auth().oauth2(KeycloakTokens.user("customer", "customer"))
                .get("/v1/accounts/" + DemoCustomer.ACCOUNT + "/licenses").then().statusCode(200).extract().path("items[0].id");
        String machine = "portal-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String activationId = activate(licenseId, machine);

        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "customer", "/");
            assertThat(page.url()).as("a customer admin starts at their account").isEqualTo(PortalBrowser.url("/accounts/" + DemoCustomer.ACCOUNT));
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Demo Customer Ltd");
            PlaywrightAssertions.assertThat(page.locator("#onboarding-status")).hasText("COMPLETED");
            PlaywrightAssertions.assertThat(page.locator("#onboarding li.DONE")).hasCount(5);
            PlaywrightAssertions.assertThat(page.locator("table")).containsText("team-annual");
            PortalBrowser.record(page, "customer-account");

            page.click("a[href='/accounts/" + DemoCustomer.ACCOUNT + "/licenses/" + licenseId + "']");
            PlaywrightAssertions.assertThat(page.locator("h1")).containsText("team-annual");
            PlaywrightAssertions.assertThat(page.locator("svg.chart title").first()).containsText("api-calls");
            PlaywrightAssertions.assertThat(page.locator("#machine-" + activationId)).containsText(machine);
            PlaywrightAssertions.assertThat(page.locator("#machine-" + activationId)).containsText("ACTIVE");
            PortalBrowser.record(page, "customer-license");

            page.locator("#machine-" + activationId + " button").click();
            page.waitForURL(url -> url.contains("deactivated=" + activationId));
            PlaywrightAssertions.assertThat(page.locator("#deactivated")).isVisible();
            PlaywrightAssertions.assertThat(page.locator("#machine-" + activationId)).containsText("DEACTIVATED");
            given().baseUri(PackagedSuite.service("entitlement").url()).auth().oauth2(KeycloakTokens.user("customer", "customer"))
                    .get("/v1/activations/" + activationId).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("DEACTIVATED"));
        }
    }

    @Test
    void a_customer_admin_reads_the_users_choices_sets_an_account_wide_one_and_reads_the_notices() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "customer", "/accounts/" + DemoCustomer.ACCOUNT + "/privacy");
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Privacy choices in Demo Customer Ltd");
            PlaywrightAssertions.assertThat(page.locator("tr[id^=default-]")).hasCount(6);
            PortalBrowser.record(page, "customer-privacy");

            for (int change = 0; change < 2; change++) {
                boolean wasOut = page.locator("#default-usage-analytics .state").textContent().contains("Opted out");
                page.locator("#default-usage-analytics button").click();
                page.waitForURL(url -> url.contains("/privacy?changed=1"));
                PlaywrightAssertions.assertThat(page.locator("#status")).containsText("Saved");
                PlaywrightAssertions.assertThat(page.locator("#default-usage-analytics .state")).hasText(wasOut ? "Allowed" : "Opted out");
            }

            page.navigate(PortalBrowser.url("/accounts/" + DemoCustomer.ACCOUNT + "/notices"));
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Notices sent to this account");
            PortalBrowser.record(page, "customer-notices");
        }
    }

    @Test
    void a_customer_admin_reaches_no_other_account_by_editing_the_address() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "customer", "/");
            String other = UUID.randomUUID().toString();
            for (String path : new String[] {"/accounts/" + other, "/accounts/" + other + "/privacy", "/accounts/" + other + "/notices",
                    "/accounts/" + other + "/licenses/" + UUID.randomUUID(), "/vendor", "/vendor/webhooks", "/me"}) {
                assertThat(page.navigate(PortalBrowser.url(path)).status()).as(path).isEqualTo(403);
                PlaywrightAssertions.assertThat(page.locator("h1")).hasText("You do not have access to this page");
            }
            // The live streams of another account are refused too.
            assertThat(page.request().get(PortalBrowser.url("/accounts/" + other + "/privacy/live")).status()).isEqualTo(403);
            assertThat(page.request().get(PortalBrowser.url("/accounts/" + other + "/onboarding/live")).status()).isEqualTo(403);
            // Changes to another account are refused as well, with the form's own CSRF token.
            page.navigate(PortalBrowser.url("/accounts/" + DemoCustomer.ACCOUNT));
            String csrf = page.locator("input[name=csrf]").first().getAttribute("value");
            assertThat(page.request().post(PortalBrowser.url("/accounts/" + other + "/licenses/" + UUID.randomUUID() + "/machines/" + UUID.randomUUID()
                    + "/deactivate"), RequestOptions.create().setForm(FormData.create().set("csrf", csrf))).status()).isEqualTo(403);
            assertThat(page.request().post(PortalBrowser.url("/accounts/" + other + "/privacy"),
                    RequestOptions.create().setForm(FormData.create().set("csrf", csrf).set("purpose", "telemetry").set("optedOut", "true"))).status())
                    .isEqualTo(403);
            // Another account's license under this account's address is not shown.
            assertThat(page.navigate(PortalBrowser.url("/accounts/" + DemoCustomer.ACCOUNT + "/licenses/" + otherAccountsLicense())).status())
                    .isIn(403, 404);
        }
    }

    /** A license of another account than the demo customer's, as an operator finds one. */
    private static String otherAccountsLicense() {
        String type = OfferedTypes.floating("portal-other");
        String onboardingId = given().baseUri(PackagedSuite.service("onboarding").url()).auth().oauth2(KeycloakTokens.backend()).contentType(ContentType.JSON)
                .body("{\"name\": \"Another Customer\", \"contactEmail\": \"other@customer-e2e.example.com\", \"licenseType\": \"" + type + "\"}")
                .post("/v1/accounts").then().statusCode(201).extract().path("onboardingId");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> given().baseUri(PackagedSuite.service("onboarding").url())
                .auth().oauth2(KeycloakTokens.backend()).get("/v1/onboardings/" + onboardingId).then().extract().path("licenseId") != null);
        return given().baseUri(PackagedSuite.service("onboarding").url()).auth().oauth2(KeycloakTokens.backend()).get("/v1/onboardings/" + onboardingId)
                .then().extract().path("licenseId");
    }

    /** A machine of the demo license, as the product on it activates itself (with a key the operator re-issued). */
    static String activate(String licenseId, String fingerprint) {
        String operator = KeycloakTokens.user("operator", "operator");
        String entitlement = PackagedSuite.service("entitlement").url();
        given().baseUri(entitlement).auth().oauth2(operator).post("/v1/licenses/" + licenseId + "/rekey").then().statusCode(200);
        String key = given().baseUri(entitlement).auth().oauth2(operator).post("/v1/licenses/" + licenseId + "/reveal-key").then().statusCode(200)
                .extract().path("key");
        return given().baseUri(entitlement).contentType(ContentType.JSON)
                .body("{\"key\": \"" + key + "\", \"fingerprint\": \"" + fingerprint + "\", \"name\": \"" + fingerprint + "\", \"platform\": \"linux-x86_64\"}")
                .post("/v1/activations").then().statusCode(201).extract().path("id");
    }
}
