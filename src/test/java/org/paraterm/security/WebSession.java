package org.paraterm.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client for tests: keeps cookies, never follows redirects, reads form tokens. */
public final class WebSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies;
    private final HttpClient client;

    public WebSession(int port) {
        this(port, new CookieManager());
    }

    private WebSession(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        // HTTP/1.1 as browsers speak it on plain http: the client's default would ask to upgrade to
        // HTTP/2 (h2c), a different server path; one such request hung a test run.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser, cookies and all, talking to another server (another instance behind a proxy). */
    public WebSession at(int otherPort) {
        return new WebSession(otherPort, cookies);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts a form as a browser would; {@code _csrf} is added from the last page that had one, unless given. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Posts one file as a browser's multipart form would, the form token in the query as the
     * upload forms send it; {@code fileName} goes into the header exactly as given.
     */
    public HttpResponse<String> upload(String path, String token, String field, String fileName, byte[] content)
            throws Exception {
        String boundary = "paraterm-test-boundary-7MA4YWxk";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path + (path.contains("?") ? "&" : "?") + "_csrf=" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The CSRF token of a page's forms. */
    public static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no form token on the page");
        }
        return matcher.group(1);
    }

    /** Signs in through the login form; returns the response to the login post. */
    public HttpResponse<String> signIn(String username, String password) throws Exception {
        String token = token(get("/login").body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        form.put("username", username);
        form.put("password", password);
        return post("/login", form);
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("PARATERM_SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
