package io.licenseflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.licenseflow.testing.LocalStack;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's defences, seen from the browser: CSRF tokens on every change, session cookies that scripts and other
 * sites cannot use, a Content-Security-Policy that the pages keep, no token in any address or in the portal's log,
 * and signing out that ends the session.
 */
class PortalSecurityTest {

    /** A JSON Web Token: three base64url parts, the first an encoded JSON object. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    @BeforeAll
    static void demoCustomer() throws Exception {
        DemoCustomer.ensureSeeded();
    }

    @Test
    void a_change_without_the_forms_csrf_token_is_refused_and_changes_nothing() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            Page page = PortalBrowser.signIn(browser, "enduser", "/me");
            String before = page.locator("#purpose-usage-analytics .state").textContent();
            FormData change = FormData.create().set("purpose", "usage-analytics").set("optedOut", before.contains("Opted out") ? "false" : "true");
            // As a page of another site would post it: the session cookie goes along, the token does not.
            APIResponse missing = page.request().post(PortalBrowser.url("/me/choices"), RequestOptions.create().setForm(change));
            assertThat(missing.status()).isEqualTo(403);
            assertThat(missing.text()).contains("csrf-token-invalid");
            APIResponse forged = page.request().post(PortalBrowser.url("/me/choices"), RequestOptions.create().setForm(change.set("csrf", "forged")));
            assertThat(forged.status()).isEqualTo(403);
            APIResponse forgedHeader = page.request().post(PortalBrowser.url("/me/choices"),
                    RequestOptions.create().setHeader("X-CSRF-Token", "forged").setHeader("HX-Request", "true").setForm(change));
            assertThat(forgedHeader.status()).isEqualTo(403);
            // Another session's token (the same user, signed in elsewhere) is not this session's.
            try (BrowserContext elsewhere = PortalBrowser.context(options -> { })) {
                String theirs = PortalBrowser.signIn(elsewhere, "enduser", "/me").locator("input[name=csrf]").first().getAttribute("value");
                assertThat(theirs).isNotEqualTo(page.locator("input[name=csrf]").first().getAttribute("value"));
                APIResponse stolen = page.request().post(PortalBrowser.url("/me/choices"), RequestOptions.create().setForm(change.set("csrf", theirs)));
                assertThat(stolen.status()).isEqualTo(403);
            }
            page.reload();
            PlaywrightAssertions.assertThat(page.locator("#purpose-usage-analytics .state")).hasText(before.strip());
            // Every form of the page carries the token.
            assertThat(page.locator("form[method=post]").count()).isEqualTo(page.locator("form[method=post] input[name=csrf]").count()).isPositive();
        }
    }

    @Test
    void session_cookies_are_secure_http_only_and_same_site_and_pages_send_a_content_security_policy() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            List<String> cspViolations = new CopyOnWriteArrayList<>();
            Page page = PortalBrowser.signIn(browser, "enduser", "/me");
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    cspViolations.add(message.text());
                }
            });
            Response answer = page.navigate(PortalBrowser.url("/me"));
            String csp = answer.headerValue("content-security-policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(answer.headerValue("x-content-type-options")).isEqualTo("nosniff");
            assertThat(answer.headerValue("referrer-policy")).isEqualTo("no-referrer");
            page.locator("#purpose-usage-analytics button").click();
            page.locator("#purpose-usage-analytics button").click();
            page.waitForTimeout(1000);
            assertThat(cspViolations).as("scripts and styles the policy blocked").isEmpty();

            List<Cookie> session = browser.cookies(PortalBrowser.url("/")).stream().filter(c -> c.name.startsWith("q_session")).toList();
            assertThat(session).isNotEmpty().allSatisfy(cookie -> {
                assertThat(cookie.secure).as(cookie.name + " Secure").isTrue();
                assertThat(cookie.httpOnly).as(cookie.name + " HttpOnly").isTrue();
                assertThat(cookie.sameSite).as(cookie.name + " SameSite").hasToString("LAX");
            });
            assertThat(page.evaluate("document.cookie")).as("cookies a script can read").asString().doesNotContain("q_session");
        }
    }

    @Test
    void no_token_appears_in_an_address_or_the_portals_log_and_signing_out_ends_the_session() throws Exception {
        try (BrowserContext browser = PortalBrowser.context(options -> { })) {
            List<String> addresses = new CopyOnWriteArrayList<>();
            browser.onRequest(request -> addresses.add(request.url()));
            Page page = PortalBrowser.signIn(browser, "customer", "/");
            page.click("text=Users' privacy choices");
            page.click("text=← Back to the account");
            page.click("text=Sign out");
            page.waitForURL(url -> url.contains("/signed-out"));
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("You are signed out");
            PortalBrowser.record(page, "signed-out");
            page.navigate(PortalBrowser.url("/accounts/" + DemoCustomer.ACCOUNT));
            assertThat(page.url()).as("after signing out, a page asks to sign in again").contains("/protocol/openid-connect/auth");

            assertThat(addresses).isNotEmpty().noneMatch(url -> JWT.matcher(url).find())
                    .noneMatch(url -> url.contains("access_token") || url.contains("id_token") || url.contains("refresh_token"));
            String log = Files.readString(LocalStack.root().resolve("e2e-tests/target/portal-" + PackagedSuite.portal().port() + ".log"));
            assertThat(JWT.matcher(log).find()).as("a token in the portal's log").isFalse();
        }
    }
}
