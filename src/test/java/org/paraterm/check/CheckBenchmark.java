package org.paraterm.check;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.MatchText;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;
import org.paraterm.mining.CorpusGrower;
import org.paraterm.mining.Mining;
import org.paraterm.mining.MiningSettings;
import org.paraterm.mining.TermMiner;

/**
 * The text check on 1 MB of Chinese text against a glossary of realistic size: the starter
 * glossary plus the candidates mined from the bundled corpus and from a grown 1 MB corpus (about
 * 16,000 terms). Timed: building the index, matching alone, the whole check (matching, flags and
 * new-term suggestions), and {@code POST /api/check} over HTTP on a real server; beside them, in
 * the same JVM on the same text, the naive way (String.indexOf for every term). Two texts: the
 * five bundled documents back to back until 1 MB (real text, dense in terms), and a grown 1 MB
 * text (another seed than the glossary's). Run with {@code mvn -o -q -Pbench -DskipTests
 * -Dbench.reader.skip -Dbench.mining.skip verify}; figures go to docs/benchmarks.md.
 *
 * <p>Arguments: the UNPC Chinese file, the seed folder, the starter glossary.
 */
public final class CheckBenchmark {

    private static final long MEGABYTE = 1_000_000;

    private CheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path unpc = Path.of(args.length > 0 ? args[0] : "../shared/corpus/unpc-dev/UNv1.0.devset.zh");
        Path seeds = Path.of(args.length > 1 ? args[1] : "glossary/corpus/un-zh");
        Path starterFile = Path.of(args.length > 2 ? args[2] : "glossary/starter.tbx");
        System.out.printf("text check, %d processors, %s %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20);

        List<CleanDocument> bundled = CorpusLoader.readAll(seeds, refused -> { });
        CorpusGrower grower = CorpusGrower.trained(unpc, seeds);
        List<Entry> entries = glossary(starterFile, bundled, grower);
        List<String> terms = zhTerms(entries);
        System.out.printf("glossary: %,d entries, %,d distinct Chinese terms%n", entries.size(), terms.size());

        long start = System.nanoTime();
        TermIndex index = TermIndex.of(entries);
        double buildSeconds = seconds(start);
        for (int i = 0; i < 3; i++) {
            index = TermIndex.of(entries);
        }
        start = System.nanoTime();
        TermIndex.of(entries);
        System.out.printf("index build: %.0f ms cold, %.0f ms warm%n", buildSeconds * 1000, seconds(start) * 1000);

        String repeated = repeatedTo(bundled, MEGABYTE);
        String grown = joined(grower.documents(MEGABYTE, 7));
        TextChecker checker = new TextChecker(new NewTermFinder(20, 50_000));
        System.out.println("| text | chars | matches | flags | suggestions | matching | whole check | naive indexOf |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        measure("bundled documents repeated", repeated, index, terms, checker);
        measure("grown text (seed 7)", grown, index, terms, checker);

        http(entries, Map.of("bundled documents repeated", repeated, "grown text (seed 7)", grown));
        System.exit(0);
    }

    private static void measure(String name, String text, TermIndex index, List<String> terms, TextChecker checker) {
        String unified = MatchText.of(text);
        for (int i = 0; i < 5; i++) {
            index.find(unified);
            checker.check(text, index, Scope.PUBLISHED);
        }
        double[] matching = new double[9];
        int matches = 0;
        for (int i = 0; i < matching.length; i++) {
            long start = System.nanoTime();
            matches = index.find(MatchText.of(text)).size();
            matching[i] = seconds(start);
        }
        double[] whole = new double[5];
        CheckResult result = null;
        for (int i = 0; i < whole.length; i++) {
            long start = System.nanoTime();
            result = checker.check(text, index, Scope.PUBLISHED);
            whole[i] = seconds(start);
        }
        long start = System.nanoTime();
        long naive = naive(unified, terms);
        double naiveSeconds = seconds(start);
        System.out.printf(Locale.ROOT, "| %s, %.2f MB | %,d | %,d | %,d | %d | %.0f ms | %.0f ms | %.0f ms (%,d occurrences, overlaps included) |%n",
                name, TextCheck.utf8Length(text) / 1e6, text.length(), matches, result.flags().size(),
                result.candidates().size(), median(matching) * 1000, median(whole) * 1000, naiveSeconds * 1000, naive);
    }

    /** The baseline: every term searched on its own with String.indexOf, every occurrence counted. */
    static long naive(String unified, List<String> terms) {
        long found = 0;
        for (String term : terms) {
            for (int at = unified.indexOf(term); at >= 0; at = unified.indexOf(term, at + 1)) {
                found++;
            }
        }
        return found;
    }

    /** POST /api/check with the text as JSON, on a server whose database holds the glossary. */
    private static void http(List<Entry> entries, Map<String, String> texts) throws Exception {
        Path data = Files.createTempDirectory("paraterm-check-bench");
        Map<String, Object> properties = new java.util.HashMap<>(org.paraterm.TestDatabase.properties(data));
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            List<Entry> published = new ArrayList<>();
            for (Entry e : entries) {
                published.add(new Entry(0, e.subject(), null, null, null, EntryStatus.APPROVED, null, true, e.terms(),
                        List.of(), null, null, null, null, 0));
            }
            long start = System.nanoTime();
            server.getApplicationContext().getBean(GlossaryStore.class).createAll(published, "bench", "bench");
            double loadSeconds = seconds(start);
            System.out.printf(Locale.ROOT, "HTTP: %,d entries loaded into the database in %.1f s%n", published.size(),
                    loadSeconds);
            ObjectMapper json = server.getApplicationContext().getBean(ObjectMapper.class);
            for (Map.Entry<String, String> named : new java.util.TreeMap<>(texts).entrySet()) {
                String name = named.getKey();
                String text = named.getValue();
                byte[] body = json.writeValueAsBytes(Map.of("text", text));
                TextCheck check = server.getApplicationContext().getBean(TextCheck.class);
                double[] inside = new double[5];
                for (int i = 0; i < inside.length; i++) {
                    start = System.nanoTime();
                    json.writeValueAsBytes(check.check(text, Scope.PUBLISHED));
                    inside[i] = seconds(start);
                }
                HttpClient client = HttpClient.newHttpClient();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/api/check"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                start = System.nanoTime();
                HttpResponse<byte[]> first = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                double firstSeconds = seconds(start);
                if (first.statusCode() != 200) {
                    throw new IllegalStateException("POST /api/check answered " + first.statusCode());
                }
                for (int i = 0; i < 4; i++) {
                    client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                }
                double[] times = new double[7];
                int size = 0;
                for (int i = 0; i < times.length; i++) {
                    start = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    times[i] = seconds(start);
                    size = response.body().length;
                }
                System.out.printf(Locale.ROOT, "HTTP %s: request %.2f MB, answer %.2f MB; first call %.0f ms,"
                                + " then median %.0f ms (min %.0f, max %.0f); in the server without HTTP (check and JSON)"
                                + " %.0f ms%n", name, body.length / 1e6, size / 1e6,
                        firstSeconds * 1000, median(times) * 1000, Arrays.stream(times).min().orElse(0) * 1000,
                        Arrays.stream(times).max().orElse(0) * 1000, median(inside) * 1000);
            }
        }
    }

    /**
     * The starter glossary, then one entry per mined candidate not already there: those of the
     * bundled corpus and those of a grown 1 MB corpus (seed 1), as preferred Chinese terms.
     */
    private static List<Entry> glossary(Path starterFile, List<CleanDocument> bundled, CorpusGrower grower)
            throws Exception {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try (var in = Files.newInputStream(starterFile)) {
            for (Entry e : org.paraterm.glossary.Tbx.read(in, "starter.tbx", EntryStatus.APPROVED, true)) {
                entries.add(numbered(e, entries.size() + 1));
                e.terms("zh").forEach(t -> seen.add(t.text()));
            }
        }
        List<String> mined = new ArrayList<>();
        Mining.run(bundled, MiningSettings.defaults()).forEach(c -> mined.add(c.term()));
        new TermMiner(MiningSettings.defaults()).mine(grower.documents(MEGABYTE, 1)).forEach(c -> mined.add(c.term()));
        for (String term : mined) {
            if (seen.add(term)) {
                entries.add(new Entry(entries.size() + 1, null, null, null, null, EntryStatus.APPROVED, null, true,
                        List.of(Term.of("zh", term, TermType.FULL_FORM, UsageStatus.PREFERRED)), List.of(), null,
                        null, null, null, 0));
            }
        }
        return entries;
    }

    private static Entry numbered(Entry e, long id) {
        return new Entry(id, e.subject(), e.definitionZh(), e.definitionEn(), e.note(), e.status(),
                e.rejectionReason(), e.published(), e.terms(), e.evidence(), e.createdBy(), e.createdAt(),
                e.modifiedBy(), e.modifiedAt(), e.version());
    }

    private static List<String> zhTerms(List<Entry> entries) {
        Set<String> terms = new LinkedHashSet<>();
        entries.forEach(e -> e.terms("zh").forEach(t -> terms.add(MatchText.of(t.text()))));
        return new ArrayList<>(terms);
    }

    private static String repeatedTo(List<CleanDocument> documents, long bytes) {
        StringBuilder text = new StringBuilder();
        while (TextCheck.utf8Length(text.toString()) < bytes) {
            for (CleanDocument document : documents) {
                text.append(document.text()).append('\n');
            }
        }
        return cut(text.toString(), bytes);
    }

    private static String joined(List<CleanDocument> documents) {
        StringBuilder text = new StringBuilder();
        for (CleanDocument document : documents) {
            text.append(document.text()).append('\n');
        }
        return cut(text.toString(), MEGABYTE);
    }

    /** The longest prefix of at most {@code bytes} UTF-8 bytes, ending at a line. */
    private static String cut(String text, long bytes) {
        long used = 0;
        int end = 0;
        while (end < text.length() && used + TextCheck.utf8Length(text.substring(end, end + 1)) <= bytes) {
            used += TextCheck.utf8Length(text.substring(end, end + 1));
            end++;
        }
        int line = end == text.length() ? end : text.lastIndexOf('\n', end);
        return text.substring(0, Math.max(0, line));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
