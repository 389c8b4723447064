package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.mining.CorpusMining;
import org.paraterm.mining.MiningSettings;

/**
 * A candidate's "every occurrence" list, stored packed in the candidate's row, read over HTTP and
 * checked against occurrences found independently: by scanning each stored document's text for
 * the term inside its stored sentences, in the order the list promises (documents by date, then
 * id; offsets ascending).
 */
class CandidateOccurrencesTest {

    /** 会员国 occurs often enough in the bundled corpus to need several pages of 100. */
    private static final String MEMBER_STATES = "会员国";
    private static final String FIGHTERS = "外国恐怖主义作战人员";
    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td><a href=\"/documents/(\\d+)#p(\\d+)\">([^<]*)</a></td>"
            + "\\s*<td class=\"left\">([^<]*)</td>\\s*<td class=\"hit\">([^<]*)</td>\\s*<td class=\"right\">([^<]*)</td>");

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** One line of the list as the page shows it. */
    private record Shown(long document, int paragraph, String source, String left, String hit, String right) {
    }

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> properties = new HashMap<>(org.paraterm.TestDatabase.properties(temp));
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        server.getApplicationContext().getBean(CorpusLoader.class)
                .load(Path.of("glossary", "corpus", "un-zh"), (done, total, result) -> { });
        server.getApplicationContext().getBean(CorpusMining.class).remine(MiningSettings.defaults());
        server.getApplicationContext().getBean(Readiness.class).markReady();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldListEveryOccurrenceOfAFrequentCandidateInDocumentOrderAcrossPages() throws Exception {
        List<Shown> expected = scanned(MEMBER_STATES);
        assertThat(expected.size()).isGreaterThan(200);
        assertThat(expected.stream().map(Shown::document).distinct().count()).isGreaterThan(1);

        List<Shown> shown = allPages(MEMBER_STATES, expected.size());

        assertThat(shown).hasSize(expected.size());
        assertThat(shown.get(0)).isEqualTo(expected.get(0));
        assertThat(shown.get(shown.size() - 1)).isEqualTo(expected.get(expected.size() - 1));
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(get("/api/candidates/" + encode(MEMBER_STATES)).body())
                .contains("\"occurrences\":" + expected.size() + ",");
    }

    @Test
    void shouldListTheTwentyOneOccurrencesOfForeignTerroristFightersAsTheTextHasThem() throws Exception {
        List<Shown> expected = scanned(FIGHTERS);
        assertThat(expected).hasSize(21);

        assertThat(allPages(FIGHTERS, 21)).containsExactlyElementsOf(expected);
        assertThat(get("/api/candidates/" + encode(FIGHTERS)).body()).contains("\"occurrences\":21,");
    }

    /** Every page of the list, read until the count the page announces is reached. */
    private static List<Shown> allPages(String term, int expectedCount) throws Exception {
        List<Shown> shown = new ArrayList<>();
        for (int page = 1; page <= expectedCount / 100 + 1; page++) {
            String body = get("/candidates/" + encode(term) + "?occurrences=" + page).body();
            assertThat(body).contains("All " + expectedCount + " occurrences");
            Matcher row = ROW.matcher(body);
            while (row.find()) {
                shown.add(new Shown(Long.parseLong(row.group(1)), Integer.parseInt(row.group(2)), unescape(row.group(3)),
                        unescape(row.group(4)), unescape(row.group(5)), unescape(row.group(6))));
            }
        }
        return shown;
    }

    /** The term's occurrences inside sentences, straight from the stored documents. */
    private static List<Shown> scanned(String term) throws Exception {
        List<Shown> found = new ArrayList<>();
        try (Connection connection = server.getApplicationContext().getBean(DataSource.class).getConnection();
             PreparedStatement documents = connection.prepareStatement(
                     "SELECT id, COALESCE(symbol, source), text FROM document ORDER BY doc_date, id");
             PreparedStatement sentences = connection.prepareStatement("SELECT s.start_offset, s.end_offset,"
                     + " s.paragraph_idx, p.label FROM sentence s LEFT JOIN paragraph p ON p.document_id = s.document_id"
                     + " AND p.idx = s.paragraph_idx WHERE s.document_id = ?");
             ResultSet document = documents.executeQuery()) {
            while (document.next()) {
                long id = document.getLong(1);
                String source = document.getString(2);
                String text = document.getString(3);
                List<Object[]> inDocument = new ArrayList<>();
                sentences.setLong(1, id);
                try (ResultSet sentence = sentences.executeQuery()) {
                    while (sentence.next()) {
                        inDocument.add(new Object[] {sentence.getInt(1), sentence.getInt(2), sentence.getInt(3),
                                sentence.getString(4)});
                    }
                }
                for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                    for (Object[] s : inDocument) {
                        if ((int) s[0] <= at && at + term.length() <= (int) s[1]) {
                            String label = (String) s[3];
                            found.add(new Shown(id, (int) s[2], label == null ? source : source + ", " + label,
                                    text.substring(Math.max(0, at - 30), at).replace('\n', ' '), term,
                                    text.substring(at + term.length(), Math.min(text.length(), at + term.length() + 30))
                                            .replace('\n', ' ')));
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
