package org.apom.itests.support;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which .ci/run installs), driven
 * by Selenium, for the workspace's browser tests. Without the browser the tests fail and say how to install it: they
 * never pass without having run. Screenshots of each page go to {@code target/web/}; every page can be checked with
 * axe-core (from its webjar) for WCAG 2.2 AA violations.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "web");
    private static final String AXE = "META-INF/resources/webjars/axe-core/" + System.getProperty("apom.axe.version",
            "4.6.3") + "/axe.min.js";

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    /** A new browser with an empty profile (no cookie of another test), its window width by height. */
    public Browser(int port, int width, int height) throws IOException {
        Path chromium = Path.of(System.getProperty("apom.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("apom.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new AssertionError("The workspace's browser tests need Chromium and its driver (" + chromium + ", "
                    + chromedriver + "): apt-get install chromium chromium-driver (.ci/run installs them), or point "
                    + "-Dapom.chromium and -Dapom.chromedriver at them. They are not skipped.");
        }
        profile = Files.createTempDirectory("apom-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // the machine's closed network refuses Chromium's own background connections (docs/stack.md)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=th", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(width, height));
        base = "http://localhost:" + port;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** The path (and query) of the page shown. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public void type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    public void click(String css) {
        find(css).click();
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Waits (at most 30 s) until the script answers true. */
    public void await(String what, String script) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

    /** Signs in through the form, and waits for the page it leads to. */
    public void signIn(String username, String password) {
        open("/sign-in");
        type("#username", username);
        type("#password", password);
        click("form[action='/sign-in'] button[type=submit]");
        await("the sign-in to leave its page", "return !location.pathname.startsWith('/sign-in')"
                + " || document.getElementById('refusal') !== null");
    }

    /** Keeps a screenshot of the page as {@code target/web/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Runs axe-core on the page for WCAG 2.0, 2.1 and 2.2 A and AA, and fails on any serious or critical violation,
     * naming each with its elements. The report of every page is kept beside its screenshot.
     */
    @SuppressWarnings("unchecked")
    public void assertAccessible(String name) throws IOException {
        String axe;
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new AssertionError("axe-core is not on the test class path: " + AXE);
            }
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                + " 'wcag22aa']}, resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))"
                + ".catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]));");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        Files.createDirectories(SCREENSHOTS);
        Files.writeString(SCREENSHOTS.resolve(name + ".axe.txt"), violations.toString());
        List<String> grave = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                grave.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        assertTrue(name + " has serious or critical accessibility violations: " + grave, grave.isEmpty());
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
