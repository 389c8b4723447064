package org.paraterm.web;

import io.micronaut.serde.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real headless Chromium driven through chromedriver's W3C WebDriver protocol (plain HTTP and
 * JSON, so no client library). Debian's {@code chromium} and {@code chromium-driver} packages
 * provide both; {@code ./test} installs them.
 */
final class Browser implements AutoCloseable {

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    /** How long a wait may take before it fails: far longer than any of them takes on a busy machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String session;

    private Browser(Process driver, int port) throws Exception {
        this.driver = driver;
        this.base = "http://127.0.0.1:" + port;
        waitForDriver();
        Map<String, Object> created = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", chromium(), "args", List.of("--headless=new", "--no-sandbox",
                        "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN"))))));
        this.session = (String) value(created).get("sessionId");
    }

    static Browser start() throws Exception {
        String chromedriver = find("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(chromedriver, "--port=" + port).redirectErrorStream(true).start();
        return new Browser(process, port);
    }

    void open(String url) throws Exception {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    String element(String css) throws Exception {
        Map<String, Object> found = call("POST", "/session/" + session + "/element",
                Map.of("using", "css selector", "value", css));
        return (String) value(found).get(ELEMENT);
    }

    void type(String css, String text) throws Exception {
        call("POST", "/session/" + session + "/element/" + element(css) + "/value", Map.of("text", text));
    }

    void click(String css) throws Exception {
        call("POST", "/session/" + session + "/element/" + element(css) + "/click", Map.of());
    }

    /**
     * Clicks something that loads a new page (a submit button, a link) and returns once that page has
     * loaded. WebDriver's click returns as soon as the click is dispatched, so reading the page
     * straight after a form submission can still see the old one: the old document is marked, and
     * the wait ends when a document without the mark has finished loading.
     */
    void clickAndWait(String css) throws Exception {
        script("window.paratermOldPage = true; return null;");
        click(css);
        waitFor(() -> Boolean.TRUE.equals(script(
                "return window.paratermOldPage === undefined && document.readyState === 'complete';")));
    }

    Object script(String javascript) throws Exception {
        return call("POST", "/session/" + session + "/execute/sync",
                Map.of("script", javascript, "args", List.of())).get("value");
    }

    String source() throws Exception {
        return (String) call("GET", "/session/" + session + "/source", null).get("value");
    }

    String url() throws Exception {
        return (String) call("GET", "/session/" + session + "/url", null).get("value");
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Waits for a page to reach a state (a navigation may finish after a click returns), asking
     * every 100 ms for at most {@link #DEADLINE}: a generous deadline, not a guess at how long it takes.
     */
    void waitFor(Condition condition) throws Exception {
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the page did not get there: " + url());
            }
            Thread.sleep(100);
        }
    }

    void screenshot(Path file) throws Exception {
        String png = (String) call("GET", "/session/" + session + "/screenshot", null).get("value");
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (Exception ignored) {
            // the driver goes below either way
        } finally {
            driver.destroy();
        }
    }

    /**
     * Waits for chromedriver to say it has started ("… started successfully …" on its output), for at
     * most {@link #DEADLINE}; the rest of its output is read and dropped so that it never blocks.
     */
    private void waitForDriver() throws Exception {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.contains("started successfully")) {
                        started.complete(true);
                    }
                }
            } catch (IOException closed) {
                // the driver went away
            }
            started.complete(false);
        }, "chromedriver-output");
        reader.setDaemon(true);
        reader.start();
        boolean ready;
        try {
            ready = started.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            ready = false;
        }
        if (!ready) {
            throw new IllegalStateException("chromedriver did not start within " + DEADLINE.toSeconds() + " s");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> json = JSON.readValue(response.body(), Map.class);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + ": " + response.body());
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> value(Map<String, Object> response) {
        return (Map<String, Object>) response.get("value");
    }

    private static String chromium() {
        return find("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium");
    }

    private static String find(String name, String... candidates) {
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " is not installed: apt-get install chromium chromium-driver"
                + " (./test does this)");
    }
}
