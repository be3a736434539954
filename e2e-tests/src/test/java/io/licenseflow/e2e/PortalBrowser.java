package io.licenseflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.licenseflow.testing.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Debian chromium, headless, driven by Playwright for Java: one browser for the whole test run (each costs a
 * second and a gigabyte), a fresh context (cookies, storage) per signed-in person. Nothing is downloaded: Playwright
 * is told to skip its own browsers and to launch the system's.
 */
final class PortalBrowser {

    /** What a live page says once its stream is connected through to the service's (the portal's LiveSignals). */
    static final String LIVE = "Live: changes made elsewhere appear here by themselves.";

    /** Debian's package chromium puts the browser here (/usr/bin/chromium is a wrapper script). */
    static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    /** The accessibility rules every page must pass: WCAG 2.1 A and AA, as axe-core checks them. */
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static Playwright playwright;
    private static Browser browser;

    private PortalBrowser() {
    }

    static synchronized Browser browser() {
        if (browser == null) {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException(CHROMIUM + " is missing: the browser tests need the Debian package chromium (apt-get install chromium)");
            }
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            if (Files.isExecutable(Path.of("/usr/bin/node"))) {
                env.put("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node");
            }
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
            // Without the background-networking flags chromium keeps trying to reach Google's hosts, which this machine refuses.
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                    .setArgs(List.of("--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** A new browser context (its own cookies), with options such as a phone's viewport or the GPC header. */
    static BrowserContext context(Consumer<Browser.NewContextOptions> options) {
        Browser.NewContextOptions settings = new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB");
        options.accept(settings);
        BrowserContext context = browser().newContext(settings);
        context.setDefaultTimeout(30_000);
        return context;
    }

    /** Opens {@code path} of the portal in a new page of {@code context} and signs in at Keycloak's own login page. */
    static Page signIn(BrowserContext context, String user, String path) {
        Page page = context.newPage();
        page.navigate(PackagedSuite.portal().url() + path);
        assertThat(page.url()).as("the portal sends a signed-out browser to Keycloak").contains("/realms/licenseflow/protocol/openid-connect/auth");
        page.fill("#username", user);
        page.fill("#password", user);
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(PackagedSuite.portal().url()));
        return page;
    }

    static String url(String path) {
        return PackagedSuite.portal().url() + path;
    }

    /**
     * Saves a screenshot of the whole page with the test reports (e2e-tests/target/portal-screenshots), and with
     * -Dportal.screenshots.update=true also as the README's picture of it (portal/docs/screenshots); then checks the page
     * with axe-core against WCAG 2.1 A and AA.
     */
    static void record(Page page, String name) throws Exception {
        screenshot(page, name);
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        assertThat(results.getViolations()).as("accessibility violations on " + name + " (" + page.url() + "):\n"
                + results.getViolations().stream().map(v -> v.getId() + ": " + v.getHelp() + " — " + v.getNodes().stream().map(n -> n.getHtml())
                        .collect(Collectors.joining(" | "))).collect(Collectors.joining("\n"))).isEmpty();
    }

    /** Only the screenshot: for a page in a context without JavaScript, where axe-core (a script) cannot run. */
    static void screenshot(Page page, String name) throws Exception {
        page.waitForLoadState();
        Path reports = LocalStack.root().resolve("e2e-tests/target/portal-screenshots");
        Files.createDirectories(reports);
        page.screenshot(new Page.ScreenshotOptions().setPath(reports.resolve(name + ".png")).setFullPage(true));
        if (Boolean.getBoolean("portal.screenshots.update")) {
            Path docs = LocalStack.root().resolve("portal/docs/screenshots");
            Files.createDirectories(docs);
            Files.copy(reports.resolve(name + ".png"), docs.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
