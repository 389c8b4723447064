package org.paraterm.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;
import org.paraterm.web.EntryUsage;
import org.paraterm.web.Readiness;

/**
 * Concordance results and entry usage are kept between requests; a document loaded afterwards must
 * show in the very next answer, never a count from before the load. Each test starts a server on four
 * of the bundled documents, then loads the fifth (S/2020/754).
 */
class ConcordanceAfterLoadTest {

    private static final Path CORPUS = Path.of("glossary", "corpus", "un-zh");
    private static final String LATER = "004_9d7d9abcfa7e8f17.txt";

    @TempDir
    Path temp;

    private EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path first = Files.createDirectories(temp.resolve("first"));
        try (var files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals(LATER)).toList()) {
                Files.copy(file, first.resolve(file.getFileName()));
            }
        }
        Map<String, Object> properties = new java.util.HashMap<>(org.paraterm.TestDatabase.properties(data));
        properties.put("micronaut.server.port", -1);
        properties.put("paraterm.data", data.toString());
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        server.getApplicationContext().getBean(CorpusLoader.class).load(first, (done, total, result) -> { });
        server.getApplicationContext().getBean(Readiness.class).markReady();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldShowADocumentLoadedAfterTheSameSearchInTheNextAnswer() throws Exception {
        String page = "/concordance?q=" + encode("会员国");
        String api = "/api/concordance?q=" + encode("会员国");
        int before = total(get(api));
        String pageBefore = get(page);
        String pageAgain = get(page);

        Path later = Files.createDirectories(temp.resolve("later"));
        Files.copy(CORPUS.resolve(LATER), later.resolve(LATER));
        server.getApplicationContext().getBean(CorpusLoader.class).load(later, (done, total, result) -> { });
        String pageAfter = get(page);
        int after = total(get(api));
        int inLater = inDocument(get("/api/concordance/counts?q=" + encode("会员国")), "S/2020/754");

        assertThat(pageAgain).isEqualTo(pageBefore);
        assertThat(pageBefore).contains("共 " + before + " 处").doesNotContain("S/2020/754 ¶");
        assertThat(inLater).isPositive();
        assertThat(after).isEqualTo(before + inLater).isEqualTo(251);
        assertThat(pageAfter).contains("共 251 处", "S/2020/754");
    }

    @Test
    void shouldCountAnEntrysUsesAgainAfterALoad() throws Exception {
        EntryUsage usage = server.getApplicationContext().getBean(EntryUsage.class);
        Entry entry = new Entry(1, null, null, null, null, EntryStatus.values()[0], null, true,
                List.of(Term.of("zh", "外国恐怖主义作战人员", TermType.FULL_FORM, UsageStatus.PREFERRED),
                        Term.of("en", "foreign terrorist fighters", TermType.FULL_FORM, UsageStatus.PREFERRED)),
                List.of(), "test", Instant.now(), "test", Instant.now(), 1);
        String counts = "/api/concordance/counts?q=" + encode("\"外国恐怖主义作战人员\"");

        int before = usage.of(entry).orElseThrow().total();
        int beforeAgain = usage.of(entry).orElseThrow().total();
        Path later = Files.createDirectories(temp.resolve("later-entry"));
        Files.copy(CORPUS.resolve(LATER), later.resolve(LATER));
        server.getApplicationContext().getBean(CorpusLoader.class).load(later, (done, total, result) -> { });
        int after = usage.of(entry).orElseThrow().total();

        assertThat(beforeAgain).isEqualTo(before);
        assertThat(after).isEqualTo(total(get(counts))).isGreaterThan(before);
    }

    private static int total(String json) {
        Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(json);
        assertThat(total.find()).as("a total in %s", json).isTrue();
        return Integer.parseInt(total.group(1));
    }

    private static int inDocument(String json, String symbol) {
        Matcher count = Pattern.compile("\"symbol\":\"" + Pattern.quote(symbol) + "\",\"count\":(\\d+)").matcher(json);
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }
}
