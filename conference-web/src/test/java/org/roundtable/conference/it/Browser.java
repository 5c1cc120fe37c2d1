package org.roundtable.conference.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Selenium. Nothing is downloaded: the browser and its
 * driver come from the chromium and chromium-driver packages.
 */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final java.net.URI base;

    Browser() {
        this(ApiClient.BASE);
    }

    /** A browser for a server at another address (a second server started by a test). */
    Browser(java.net.URI base) {
        this(base, List.of());
    }

    /** A browser with a fake camera and microphone that it may use without asking (for calls). */
    static Browser withCameraAndMicrophone() {
        // Host candidates as plain addresses: browsers on one test machine cannot count on resolving
        // each other's mDNS (.local) names, which made the direct call flaky.
        return new Browser(ApiClient.BASE, List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required", "--disable-features=WebRtcHideLocalIpsWithMdns"));
    }

    private Browser(java.net.URI base, List<String> extraArguments) {
        this.base = base;
        this.arguments = List.copyOf(extraArguments);
        long started = System.nanoTime();
        Idle.Kept kept = Idle.take(arguments).orElseGet(() -> new Idle.Kept(launch(arguments), 0));
        driver = kept.driver();
        usedBefore = kept.uses();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Timings.START.add(started);
    }

    private final List<String> arguments;
    /** How many tests used this Chromium before this one. */
    private final int usedBefore;

    private static ChromeDriver launch(List<String> extraArguments) {
        String chromium = System.getProperty("chromium.path", "/usr/bin/chromium");
        String chromedriver = System.getProperty("chromedriver.path", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            fail("Browser tests need Chromium and its driver: apt-get install chromium chromium-driver (looked for "
                    + chromium + " and " + chromedriver + ")");
        }
        try {
            var profile = Files.createTempDirectory("roundtable-chromium");
            var options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1200,900", "--user-data-dir=" + profile);
            options.addArguments(extraArguments);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver)).build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Chromiums that a closed {@link Browser} left, wiped, for the next test to use: starting one
     * costs seconds on a busy two-core machine, and the browser tests start well over a hundred.
     * Each is used at most {@link #USES} times (-Dbrowser.uses, 25; 1 starts a new one for every
     * test), then quit, so a long run does not grow one browser's memory without end.
     */
    private static final class Idle {

        private static final int USES = Integer.getInteger("browser.uses", 25);
        private static final java.util.Map<List<String>, java.util.Deque<Kept>> IDLE = new java.util.HashMap<>();

        /** A wiped Chromium and how many tests have used it. */
        record Kept(ChromeDriver driver, int uses) {
        }

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (IDLE) {
                    IDLE.values().forEach(kept -> kept.forEach(each -> quietlyQuit(each.driver())));
                    IDLE.clear();
                }
            }));
        }

        static java.util.Optional<Kept> take(List<String> arguments) {
            synchronized (IDLE) {
                var kept = IDLE.get(arguments);
                return java.util.Optional.ofNullable(kept == null ? null : kept.poll());
            }
        }

        /** Keeps a driver whose every trace of the test was wiped; quits it when that fails or it has been used enough. */
        static void give(List<String> arguments, Kept used, java.util.Set<String> origins) {
            if (used.uses() >= USES || !wiped(used.driver(), origins)) {
                quietlyQuit(used.driver());
                return;
            }
            synchronized (IDLE) {
                IDLE.computeIfAbsent(arguments, a -> new java.util.ArrayDeque<>()).add(used);
            }
        }

        /**
         * A new tab (so what a test set on its tab, emulated media or a script run on every page,
         * goes with the old one), no network conditions, and no cookies, storage or cache for any
         * server the test visited: the next test starts as a fresh browser would.
         */
        private static boolean wiped(ChromeDriver driver, java.util.Set<String> origins) {
            try {
                String fresh = driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).getWindowHandle();
                for (String handle : driver.getWindowHandles()) {
                    if (!handle.equals(fresh)) {
                        driver.switchTo().window(handle).close();
                    }
                }
                driver.switchTo().window(fresh);
                try {
                    driver.deleteNetworkConditions();
                } catch (org.openqa.selenium.WebDriverException none) {
                    // None were set: ChromeDriver says so with an error.
                }
                driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
                driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
                for (String origin : origins) {
                    driver.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin", origin, "storageTypes", "all"));
                }
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 900));
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        private static void quietlyQuit(ChromeDriver driver) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                // Gone already.
            }
        }
    }

    /**
     * Where browser tests spend their time (CI's longest part): each kind of step's count and
     * seconds, summed over the test JVM and printed as each browser is closed.
     */
    private enum Timings {
        START, AXE, SCREENSHOTS, CLOSE;

        private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

        /** The sums so far, one line in the test's output: the last one of a run is the run's. */
        static String sums() {
            return "[browser] " + java.util.Arrays.stream(values())
                    .map(t -> String.format("%s %d x %.1f s", t.name().toLowerCase(), t.count.get(), t.nanos.get() / 1e9))
                    .collect(Collectors.joining(", "));
        }

        void add(long startedNanos) {
            count.incrementAndGet();
            nanos.addAndGet(System.nanoTime() - startedNanos);
        }
    }

    /** Staff sign in with the demo password, as on the sign-in page. */
    void signInAsStaff(String username) {
        open("/");
        type(By.id("username"), username);
        type(By.id("password"), People.DEMO_PASSWORD);
        click(By.cssSelector("#sign-in-form button[type=submit]"));
        waitForPath("/conferences");
    }

    /** A family member or advocate asks for a code and types it from the email. */
    void signInWithCode(String email) {
        signInWithCode(email, Mailbox::latestCode);
    }

    /** The same, for someone whose language is Welsh: their code comes in a Welsh email. */
    void signInWithWelshCode(String email) {
        signInWithCode(email, Mailbox::latestWelshCode);
    }

    private void signInWithCode(String email, java.util.function.UnaryOperator<String> codeFromEmail) {
        open("/code");
        type(By.id("email"), email);
        click(By.cssSelector("#email-form button[type=submit]"));
        waitFor(By.id("code"));
        type(By.id("code"), codeFromEmail.apply(email));
        click(By.cssSelector("#code-form button[type=submit]"));
        waitForPath("/conferences");
    }

    Browser open(String path) {
        visited.add(origin(base));
        driver.get(base.resolve(path).toString());
        return this;
    }

    WebElement waitFor(By by) {
        return wait.until(whileThePageSettles(ExpectedConditions.visibilityOfElementLocated(by)));
    }

    /**
     * A page that sends the browser on (a signed-out deep link going to sign-in, say) or redraws
     * an element while it is read makes ChromeDriver abort the read; that is not an answer, so
     * the wait goes on until the page has settled or the wait's time is up.
     */
    private static <T> java.util.function.Function<WebDriver, T> whileThePageSettles(java.util.function.Function<WebDriver, T> condition) {
        return d -> {
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (abortedByNavigation(e) || String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
    }

    /** ChromeDriver gave up on a command because the page went somewhere else meanwhile. */
    private static boolean abortedByNavigation(org.openqa.selenium.WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("aborted by navigation");
    }

    void waitForGone(By by) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        wait.until(whileThePageSettles(d -> d.findElement(by).getText().contains(text)));
    }

    /** Waits until a field holds exactly this text (a change typed by someone else, say). */
    void waitForValue(By by, String value) {
        wait.until(ExpectedConditions.attributeToBe(by, "value", value));
    }

    void waitForPath(String path) {
        wait.until(d -> d.getCurrentUrl().replace(base.toString(), "").startsWith(path));
    }

    void type(By by, String text) {
        var field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    void click(By by) {
        // Found and clicked in one step, so an element replaced in between is looked up again.
        wait.until(whileThePageSettles(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return null;
            }
            try {
                element.click();
            } catch (org.openqa.selenium.WebDriverException e) {
                // The click went through and sent the page on before ChromeDriver answered.
                if (!abortedByNavigation(e)) {
                    throw e;
                }
            }
            return Boolean.TRUE;
        }));
    }

    String text(By by) {
        return waitFor(by).getText();
    }

    WebDriver driver() {
        return driver;
    }

    Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs script that calls its last argument when done (a fetch, say), and returns what it passed. */
    Object asyncScript(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /**
     * The live connection cannot get through, on this page and on every page loaded after it, until
     * {@link #letLiveConnectionsThrough()}: each attempt goes to an address the server refuses, so it
     * fails as a dropped line does. (DevTools' URL blocking does not reliably stop WebSockets: a
     * reconnect sometimes got through and sent the edits a test meant to find still kept.)
     */
    void cutLiveConnections() {
        String cut = "window.__liveCut = true; if (!window.__liveCutInstalled) { window.__liveCutInstalled = true;"
                + " const Real = window.WebSocket; window.WebSocket = class extends Real { constructor(url, protocols) {"
                + " super(window.__liveCut ? String(url).replace('/live/conferences/', '/live/cut-off/') : url, protocols); } }; }";
        var chrome = (ChromeDriver) driver;
        liveCutScript = (String) chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", cut))
                .get("identifier");
        script(cut);
    }

    /** Undoes {@link #cutLiveConnections()} and tells the page it is online, as a phone does when the signal returns. */
    void letLiveConnectionsThrough() {
        if (liveCutScript != null) {
            ((ChromeDriver) driver).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", liveCutScript));
            liveCutScript = null;
        }
        script("window.__liveCut = false; window.dispatchEvent(new Event('online'));");
    }

    private String liveCutScript;

    /** Every server this browser was sent to, whose cookies and storage go when it is closed. */
    private final java.util.Set<String> visited = new java.util.LinkedHashSet<>();

    private static String origin(java.net.URI address) {
        return address.getScheme() + "://" + address.getHost() + (address.getPort() < 0 ? "" : ":" + address.getPort());
    }

    /** Cuts the browser off the network (as a phone losing signal does), or brings it back. */
    void setOffline(boolean offline) {
        var conditions = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        conditions.setOffline(offline);
        ((ChromeDriver) driver).setNetworkConditions(conditions);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Types at the end (or the start) of a text field, as a person who clicked there would. */
    void typeAt(By by, boolean atEnd, String text) {
        var field = waitFor(by);
        script("arguments[0].focus(); var n = arguments[1] ? arguments[0].value.length : 0; arguments[0].setSelectionRange(n, n);", field, atEnd);
        field.sendKeys(text);
    }

    /** In the live room: presses a field's "Change" link and waits for its form (the field gets focus). */
    By openField(String node, String field) {
        click(By.id("change-" + node + "-" + field));
        By input = By.id("f-" + node + "-" + field);
        waitFor(input);
        return input;
    }

    String value(By by) {
        return waitFor(by).getAttribute("value");
    }

    /** axe-core's accessibility rules on the page as it is now: no violation is acceptable. */
    void assertAccessible() {
        long started = System.nanoTime();
        try {
            checkAccessible();
        } finally {
            Timings.AXE.add(started);
        }
    }

    private void checkAccessible() {
        // On a busy machine (three browsers in a call) axe-core's script can outlast a short script
        // timeout and come back as an error result that ran nothing: that is no verdict. AxeBuilder
        // sets the driver's script timeout itself (30 s unless told), so it is told 90 s, and a
        // result without a verdict is asked for again, up to twice.
        var results = new AxeBuilder().setTimeout(90).analyze(driver);
        for (int again = 0; again < 2 && results.getPasses().isEmpty(); again++) {
            results = new AxeBuilder().setTimeout(90).analyze(driver);
        }
        var last = results;
        assertTrue(!results.getPasses().isEmpty(), () -> "axe-core ran no rule on " + driver.getCurrentUrl()
                + (last.isErrored() ? ": " + last.getErrorMessage() : ""));
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), () -> driver.getCurrentUrl() + " has accessibility violations:\n"
                + violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                        .map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")));
    }

    /** The address bar without the server's part: "/admin/agencies". */
    String path() {
        return driver.getCurrentUrl().replace(base.toString(), "");
    }

    /**
     * Saves the whole page as target/screenshots/{name}-{width}.png, at a 360 px phone's width
     * and at a desktop's, for people to look at; the window is left at desktop width.
     */
    void screenshots(String name) {
        long started = System.nanoTime();
        for (int width : new int[] {360, 1200}) {
            resize(width, 900);
            long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
            resize(width, (int) Math.min(Math.max(height, 600), 4000));
            try {
                var file = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
                var target = java.nio.file.Path.of("target", "screenshots", name + "-" + width + ".png");
                Files.createDirectories(target.getParent());
                Files.copy(file.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        resize(1200, 900);
        Timings.SCREENSHOTS.add(started);
    }

    /** axe-core at a 360 px phone's width and at a desktop's. */
    void assertAccessibleOnPhoneAndDesktop() {
        resize(360, 800);
        assertAccessible();
        resize(1200, 900);
        assertAccessible();
    }

    /** Saves what the browser shows now as target/screenshots/{name}.png, for a person to look at. */
    void screenshot(String name) {
        long started = System.nanoTime();
        try {
            var folder = java.nio.file.Path.of("target", "screenshots");
            Files.createDirectories(folder);
            // The whole page, not just the window: GOV.UK pages are long on a phone.
            long height = (Long) script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
            var size = driver.manage().window().getSize();
            resize(size.getWidth(), (int) Math.min(Math.max(height + 140, size.getHeight()), 6000));
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            resize(size.getWidth(), size.getHeight());
            Files.write(folder.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Timings.SCREENSHOTS.add(started);
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            visited.add(origin(java.net.URI.create(driver.getCurrentUrl())));
        } catch (RuntimeException notAnAddress) {
            // about:blank, or the browser has gone: the servers it was sent to are known already.
        }
        Idle.give(arguments, new Idle.Kept(driver, usedBefore + 1), visited);
        Timings.CLOSE.add(started);
        System.out.println(Timings.sums());
    }
}
