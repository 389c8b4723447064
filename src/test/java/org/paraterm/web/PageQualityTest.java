package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.AfterAll;
import org.paraterm.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/**
 * Every page as visitors, terminologists and admins get it, on the bundled corpus and the starter glossary:
 * valid HTML by the W3C's Nu Html Checker, every form field labelled, and light (under 200 KB).
 */
class PageQualityTest {

    private static final int MOST_BYTES = 200 * 1024;

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus().withStarterGlossary().withParallelCorpus()
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST)
                .withAccount("chief", "admin password 1", Role.ADMIN).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldServeValidLightPagesWithLabelledFieldsToVisitors() throws Exception {
        assertPagesAreGood(new WebSession(server.getPort()), List.of("/", "/documents", "/documents/1", "/entries",
                "/entries/1", "/entries?list=1&q=" + encoded("恐怖主义"), "/browse", "/browse?order=alphabet",
                "/candidates", "/candidates/" + encoded("外国恐怖主义作战人员"), "/login", "/openapi", "/check",
                "/no-such-page", "/concordance", "/concordance?q=" + encoded("打击*犯罪 | 会员国") + "&sort=right",
                "/concordance?q=" + encoded("打击*"), "/documents/1?hl=120-4#p3", "/concordance/parallel",
                "/concordance/parallel?q=" + encoded("会员国"), "/concordance/parallel?q=" + encoded("member states")));
    }

    @Test
    void shouldServeValidLightPagesWithLabelledFieldsToTerminologists() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        assertPagesAreGood(wang, List.of("/review", "/entries/1", "/entries/1/edit", "/browse?status=approved",
                "/account", "/candidates/" + encoded("会员国")));
    }

    @Test
    void shouldServeValidLightPagesWithLabelledFieldsToAdmins() throws Exception {
        WebSession chief = new WebSession(server.getPort());
        chief.signIn("chief", "admin password 1");
        assertPagesAreGood(chief, List.of("/admin/corpus", "/admin/corpus?problem="
                + encoded("refused parallel memories.tmx:20: not well-formed XML: <seg> & </tuv>")));
    }

    private static void assertPagesAreGood(WebSession session, List<String> paths) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> response = session.get(path);
            byte[] page = response.body().getBytes(StandardCharsets.UTF_8);
            if (page.length > MOST_BYTES) {
                problems.add(path + ": " + page.length + " bytes");
            }
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.TEXT);
            // The language check needs a Jetty JSON class of another version than the one on our classpath.
            validator.setNoLangDetect(true);
            String report = validator.validate(new ByteArrayInputStream(page)).strip();
            for (String line : report.split("\n")) {
                if (line.startsWith("Error") || line.contains("error:")) {
                    problems.add(path + ": " + line);
                }
            }
            problems.addAll(unlabelled(path, response.body()));
        }
        assertThat(problems).isEmpty();
    }

    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    /** Fields a screen reader could not name: no enclosing label, no label for its id, no aria-label. */
    private static List<String> unlabelled(String path, String page) {
        List<String> problems = new ArrayList<>();
        Matcher field = FIELD.matcher(page);
        while (field.find()) {
            String attributes = field.group(2);
            if (attributes.contains("type=\"hidden\"") || attributes.contains("type=\"submit\"")
                    || attributes.contains("aria-label=")) {
                continue;
            }
            Matcher id = ID.matcher(attributes);
            if (id.find() && page.contains("for=\"" + id.group(1) + "\"")) {
                continue;
            }
            int open = page.lastIndexOf("<label", field.start());
            int close = page.lastIndexOf("</label>", field.start());
            if (open < 0 || close > open) {
                problems.add(path + ": unlabelled " + field.group());
            }
        }
        return problems;
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
