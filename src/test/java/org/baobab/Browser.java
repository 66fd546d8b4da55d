// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * A real Chromium (Debian's package, never a downloaded build) driven by Playwright, with axe-core to check each page
 * against WCAG 2.1 AA. {@code .ci/run} installs the {@code chromium} package. Without it, the browser tests fail in CI
 * ({@code CI=true}) and are skipped elsewhere, with a banner at the end of the run ({@link BrowserAvailability},
 * {@link BrowserTestsReport}).
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String baseUrl;

    public Browser(int port) {
        Map<String, String> environment = System.getenv();
        switch (BrowserAvailability.verdict(
                BrowserAvailability.ci(environment), BrowserAvailability.chromium(environment))) {
            case SKIP ->
                throw new TestAbortedException(
                        BrowserAvailability.NOT_RUN + ": " + BrowserAvailability.reason(environment));
            case FAIL ->
                throw new IllegalStateException(
                        "CI=true and " + BrowserAvailability.reason(environment) + " (.ci/run does it)");
            case RUN -> {}
        }
        this.baseUrl = "http://localhost:" + port;
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(debianChromium())
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic")));
    }

    /** A new browser window with its own cookies, in French as a first-time visitor from Dakar would have it. */
    public Page newPage() {
        return chromium.newContext(new NewContextOptions()
                        .setBaseURL(baseUrl)
                        .setLocale("fr-SN")
                        .setViewportSize(1280, 900))
                .newPage();
    }

    /** A new browser window in {@code locale} (a BCP 47 tag) on a screen {@code width} CSS pixels wide (a phone). */
    public Page newPage(String locale, int width, int height) {
        return chromium.newContext(new NewContextOptions()
                        .setBaseURL(baseUrl)
                        .setLocale(locale)
                        .setViewportSize(width, height))
                .newPage();
    }

    /**
     * Signs a demo account in (password, then the demo TOTP code) and waits for its account page. Another test may
     * have used this 30-second step's code for the same account a moment ago: the replay is refused, so wait for the
     * next step and try again.
     */
    public static void signIn(Page page, String email) {
        page.navigate("/login");
        page.getByLabel("Adresse e-mail").fill(email);
        page.getByLabel("Mot de passe").fill("Baobab-Demo-2026");
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/login/second-factor");
        for (int attempt = 0; attempt < 3 && page.url().contains("second-factor"); attempt++) {
            page.getByLabel("Code à usage unique")
                    .fill(org.baobab.identity.internal.TotpCodes.now(
                            org.baobab.identity.internal.SignIn.DEMO_TOTP_SECRET));
            page.locator("main button[type=submit]").click();
            page.waitForLoadState();
            if (page.url().contains("second-factor")) {
                try {
                    Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        page.waitForURL("**/account");
    }

    /** Fails on any serious or critical WCAG 2.1 A/AA violation of the page as it is now. */
    public static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(serious).as("accessibility violations on %s", page.url()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList();
    }

    /** Saves a screenshot under {@code target/screenshots/}, for a person to look at. */
    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(Path.of("target/screenshots"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target/screenshots", name + ".png"))
                .setFullPage(true));
    }

    static Path debianChromium() {
        return BrowserAvailability.chromium(System.getenv())
                .orElseThrow(() -> new IllegalStateException(BrowserAvailability.reason(System.getenv())));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
