package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.licenseflow.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The end user's pages in the real browser, signed in at the real Keycloak as the demo end user (subject "emil" of
 * the demo account): their choices in plain words, a change in one click, history, records, GPC, live updates, without
 * JavaScript and on a phone; and nothing else by editing the address.
 */
class EndUserPortalTest {

    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @BeforeAll
    static void demoCustomer() throws Exception {
        DemoCustomer.ensureSeeded();
    }

    @Test
    void an_end_user_changes_a_choice_in_one_click_and_reads_their_history_and_records() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "enduser", "/");
            assertThat(page.url()).as("an end user starts at their choices").isEqualTo(PortalBrowser.url("/me"));
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("My privacy choices");
            PlaywrightAssertions.assertThat(page.locator(".choice")).hasCount(6);
            PlaywrightAssertions.assertThat(page.locator("#purpose-marketing-email")).containsText("Emails about offers, news and events");
            PortalBrowser.record(page, "end-user-choices");

            boolean wasOut = page.locator("#purpose-telemetry .state").textContent().contains("Opted out");
            page.locator("#purpose-telemetry button").click();
            PlaywrightAssertions.assertThat(page.locator("#purpose-telemetry .state")).hasText(wasOut ? "Allowed" : "Opted out", LIVE);
            PlaywrightAssertions.assertThat(page.locator("#status")).hasText("Saved. Your choice is recorded.");
            assertThat(page.url()).as("htmx changed the part of the page, no navigation").isEqualTo(PortalBrowser.url("/me"));
            PlaywrightAssertions.assertThat(page.locator("#toggle-telemetry")).isFocused();
            JsonNode state = state();
            assertThat(purpose(state, "telemetry").path("optedOut").asBoolean()).isEqualTo(!wasOut);
            assertThat(purpose(state, "telemetry").path("source").asText()).as("recorded as a portal change").isEqualTo("portal");

            page.click("text=See every change you made");
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("The history of my choices");
            PlaywrightAssertions.assertThat(page.locator("tbody tr").last()).containsText("Telemetry");
            PlaywrightAssertions.assertThat(page.locator("tbody tr").last()).containsText("in this portal");
            PortalBrowser.record(page, "end-user-history");

            Download download = page.waitForDownload(() -> page.click("text=Download all your records (JSON)"));
            assertThat(download.suggestedFilename()).isEqualTo("my-privacy-choices.json");
            JsonNode records = new ObjectMapper().readTree(Files.readString(download.path()));
            assertThat(records.path("subject").path("id").asText()).isEqualTo(DemoCustomer.END_USER_SUBJECT);
            assertThat(records.path("current").path("purposes")).hasSize(6);
            assertThat(records.path("history").size()).isGreaterThan(0);
            assertThat(records.path("history").get(records.path("history").size() - 1).path("subjectId").asText()).isEqualTo(DemoCustomer.END_USER_SUBJECT);
        }
    }

    @Test
    void a_browser_sending_global_privacy_control_sees_that_it_was_honoured() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> options.setExtraHTTPHeaders(java.util.Map.of("Sec-GPC", "1")))) {
            Page page = PortalBrowser.signIn(browser, "enduser", "/me");
            PlaywrightAssertions.assertThat(page.locator("#gpc-status")).containsText("Global Privacy Control honoured");
            PlaywrightAssertions.assertThat(page.locator("#purpose-sale-or-sharing .state")).hasText("Opted out");
            PlaywrightAssertions.assertThat(page.locator("#purpose-sale-or-sharing")).containsText("your browser sends Global Privacy Control");
            PortalBrowser.record(page, "end-user-gpc");
            assertThat(purpose(state(), "sale-or-sharing").path("basis").asText()).isEqualTo("GPC");
        }
    }

    @Test
    void a_change_made_elsewhere_appears_on_the_open_page_without_a_reload() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "enduser", "/me");
            page.evaluate("window.portalTestMarker = 'still the same page'");
            boolean wasOut = page.locator("#purpose-crash-reports .state").textContent().contains("Opted out");
            // Once the page says it is live, its stream is connected to optout-service's: change the choice through the API.
            PlaywrightAssertions.assertThat(page.locator(".live")).hasText(PortalBrowser.LIVE, LIVE);
            given().baseUri(PackagedSuite.service("optout").url()).auth().oauth2(KeycloakTokens.user("admin", "admin")).contentType(ContentType.JSON)
                    .body("{\"changes\": [{\"accountId\": \"" + DemoCustomer.ACCOUNT + "\", \"subject\": {\"kind\": \"user\", \"id\": \""
                            + DemoCustomer.END_USER_SUBJECT + "\"}, \"purpose\": \"crash-reports\", \"optedOut\": " + !wasOut + "}]}")
                    .post("/v1/optouts").then().statusCode(200);
            PlaywrightAssertions.assertThat(page.locator("#purpose-crash-reports .state")).hasText(wasOut ? "Allowed" : "Opted out", LIVE);
            assertThat(page.evaluate("window.portalTestMarker")).as("the page was not reloaded").isEqualTo("still the same page");
        }
    }

    @Test
    void the_choices_work_without_javascript() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> options.setJavaScriptEnabled(false))) {
            Page page = PortalBrowser.signIn(browser, "enduser", "/me");
            boolean wasOut = page.locator("#purpose-personalization .state").textContent().contains("Opted out");
            page.locator("#purpose-personalization button").click();
            page.waitForURL(url -> url.contains("/me?changed=1"));
            PlaywrightAssertions.assertThat(page.locator("#purpose-personalization .state")).hasText(wasOut ? "Allowed" : "Opted out");
            PlaywrightAssertions.assertThat(page.locator("#status")).hasText("Saved. Your choice is recorded.");
            // axe-core is a script: this page is checked in the other tests, with JavaScript.
            PortalBrowser.screenshot(page, "end-user-without-javascript");
        }
    }

    @Test
    void the_choices_fit_a_phone() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page page = PortalBrowser.signIn(browser, "enduser", "/me");
            PlaywrightAssertions.assertThat(page.locator(".choice")).hasCount(6);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("nothing wider than the phone's screen").isTrue();
            PortalBrowser.record(page, "end-user-phone");

            page.locator("#purpose-personalization button").click();
            PlaywrightAssertions.assertThat(page.locator("#status")).hasText("Saved. Your choice is recorded.", LIVE);
            page.click("text=See every change you made");
            Locator table = page.locator(".table-wrap");
            assertThat((Boolean) table.evaluate("wrap => wrap.scrollWidth > wrap.clientWidth")).as("the history scrolls sideways on a phone").isTrue();
            table.focus();
            page.keyboard().press("ArrowRight");
            page.waitForFunction("() => document.querySelector('.table-wrap').scrollLeft > 0"); // the keyboard scrolls it
            PortalBrowser.record(page, "end-user-phone-history");
        }
    }

    @Test
    void an_end_user_reaches_no_other_page_by_editing_the_address() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "enduser", "/me");
            for (String path : new String[] {"/accounts/" + DemoCustomer.ACCOUNT, "/accounts/" + DemoCustomer.ACCOUNT + "/privacy", "/vendor",
                    "/vendor/compliance", "/vendor/onboarding", "/accounts/" + java.util.UUID.randomUUID() + "/notices"}) {
                assertThat(page.navigate(PortalBrowser.url(path)).status()).as(path).isEqualTo(403);
                PlaywrightAssertions.assertThat(page.locator("h1")).hasText("You do not have access to this page");
            }
            PortalBrowser.record(page, "refused");
        }
    }

    private static JsonNode state() throws Exception {
        String body = given().baseUri(PackagedSuite.service("optout").url()).auth().oauth2(KeycloakTokens.user("enduser", "enduser"))
                .queryParam("account", DemoCustomer.ACCOUNT).queryParam("kind", "user").queryParam("subject", DemoCustomer.END_USER_SUBJECT)
                .get("/v1/optouts").then().statusCode(200).extract().asString();
        return new ObjectMapper().readTree(body);
    }

    private static JsonNode purpose(JsonNode state, String purpose) {
        for (JsonNode entry : state.path("purposes")) {
            if (entry.path("purpose").asText().equals(purpose)) {
                return entry;
            }
        }
        throw new AssertionError("no purpose " + purpose + " in " + state);
    }
}
