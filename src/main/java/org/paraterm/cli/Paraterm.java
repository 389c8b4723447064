package org.paraterm.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paraterm.corpus.CleanPrinter;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentReader;
import org.paraterm.corpus.DocumentStore;
import org.paraterm.corpus.UnreadableDocumentException;
import org.paraterm.web.Readiness;

/**
 * The one entry point: {@code java -jar paraterm.jar [serve|clean|ingest] [options]}; no command
 * means {@code serve}.
 */
public final class Paraterm {

    static final String USAGE = """
            usage: java -jar target/paraterm.jar [command] [options]

            commands:
              serve [--port N] [--data DIR] [--corpus DIR]   run the web server (the default);
                                                            on first start loads the corpus
              clean FILE                                     print a document as the reader cleans it
              ingest DIR [--data DIR]                        load a folder of documents
              mine --corpus DIR --out FILE.tsv [--min-freq N] [--top N]
                                                            mine term candidates, no database needed

            options:
              --data DIR     where the database lives (default: data/)
              --port N       HTTP port (default: 8080)
              --corpus DIR   corpus loaded on first start (default: the bundled glossary/corpus/un-zh)
            """;

    private Paraterm() {
    }

    /** Exit status of a command that leaves the server running. */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;

    public static void main(String[] args) {
        int status = run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
        if (status != KEEP_RUNNING) {
            System.exit(status);
        }
    }

    /** Runs one command and returns its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int status;
        try {
            Options options = Options.parse(args);
            status = switch (options.command()) {
                case "serve" -> serve(options, out);
                case "clean" -> clean(options, out, err);
                case "ingest" -> ingest(options, out, err);
                case "mine" -> mine(options, out, err);
                case "help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new Options.UsageException("unknown command '" + options.command() + "'");
            };
        } catch (Options.UsageException e) {
            err.println("paraterm: " + e.getMessage());
            err.print(USAGE);
            status = 2;
        } catch (IOException e) {
            err.println("paraterm: " + e.getMessage());
            status = 1;
        }
        return status;
    }

    /** Starts the server and, on a first start with an empty database, loads the corpus. */
    private static int serve(Options options, PrintStream out) throws IOException {
        ApplicationContext context = Micronaut.build(new String[0])
                .mainClass(Paraterm.class)
                .properties(properties(options, true))
                .start();
        DocumentStore store = context.getBean(DocumentStore.class);
        try {
            if (store.count() == 0) {
                loadFirstCorpus(context.getBean(CorpusLoader.class), options.corpus(), out);
            }
        } catch (java.sql.SQLException e) {
            throw new IOException("the database at " + options.data() + " cannot be read: " + e.getMessage(), e);
        }
        context.getBean(Readiness.class).markReady();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        out.println("paraterm is ready: open http://localhost:" + server.getPort() + "/");
        return KEEP_RUNNING;
    }

    private static void loadFirstCorpus(CorpusLoader loader, Path corpus, PrintStream out) throws IOException {
        if (corpus != null) {
            report(loader.load(corpus, (done, total, result) -> { }), out);
            return;
        }
        Path onDisk = Path.of("glossary", "corpus", "un-zh");
        if (Files.isDirectory(onDisk)) {
            report(loader.load(onDisk, (done, total, result) -> { }), out);
            return;
        }
        try (FileSystem jar = bundledCorpus()) {
            report(loader.load(jar.getPath("/glossary/corpus/un-zh"), (done, total, result) -> { }), out);
        }
    }

    /** The corpus packed into the jar, for a server started from another folder. */
    private static FileSystem bundledCorpus() throws IOException {
        try {
            URI jar = Paraterm.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            return FileSystems.newFileSystem(Path.of(jar), (ClassLoader) null);
        } catch (URISyntaxException | UnsupportedOperationException | java.nio.file.ProviderNotFoundException e) {
            throw new IOException("the bundled corpus cannot be found; start with --corpus DIR", e);
        }
    }

    private static void report(List<CorpusLoader.FileResult> results, PrintStream out) {
        for (CorpusLoader.FileResult result : results) {
            out.println(result.refused() ? "refused " + result.refusal()
                    : result.outcome().name().toLowerCase(java.util.Locale.ROOT) + " " + result.file().getFileName());
        }
    }

    private static int clean(Options options, PrintStream out, PrintStream err)
            throws IOException, Options.UsageException {
        Path file = options.argument("FILE");
        if (!Files.isRegularFile(file)) {
            err.println("paraterm: " + file + ": no such file");
            return 1;
        }
        try {
            out.print(CleanPrinter.print(new DocumentReader().read(file)));
            return 0;
        } catch (UnreadableDocumentException e) {
            err.println("paraterm: " + e.getMessage());
            return 1;
        }
    }

    private static int ingest(Options options, PrintStream out, PrintStream err)
            throws IOException, Options.UsageException {
        Path folder = options.argument("DIR");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties(options, false)).start()) {
            ProgressBar bar = new ProgressBar(err, System.console() != null);
            List<CorpusLoader.FileResult> results = context.getBean(CorpusLoader.class).load(folder, bar);
            bar.finish();
            Map<String, Integer> counts = new HashMap<>();
            for (CorpusLoader.FileResult result : results) {
                counts.merge(result.refused() ? "refused" : result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        1, Integer::sum);
            }
            out.printf("%d loaded, %d replaced, %d unchanged, %d refused%n", counts.getOrDefault("loaded", 0),
                    counts.getOrDefault("replaced", 0), counts.getOrDefault("unchanged", 0),
                    counts.getOrDefault("refused", 0));
            results.stream().filter(CorpusLoader.FileResult::refused)
                    .forEach(result -> out.println("  refused " + result.refusal()));
            return counts.getOrDefault("refused", 0) == 0 ? 0 : 1;
        }
    }

    /** Mines a folder of documents straight from the files and writes the candidates as TSV. */
    private static int mine(Options options, PrintStream out, PrintStream err) throws IOException, Options.UsageException {
        if (options.corpus() == null || options.out() == null) {
            throw new Options.UsageException("mine needs --corpus DIR and --out FILE.tsv");
        }
        DocumentReader reader = new DocumentReader();
        List<org.paraterm.corpus.CleanDocument> documents = new java.util.ArrayList<>();
        for (Path file : CorpusLoader.documents(options.corpus())) {
            try {
                documents.add(reader.read(file));
            } catch (UnreadableDocumentException e) {
                err.println("paraterm: skipped " + e.getMessage());
            }
        }
        List<org.paraterm.mining.Candidate> candidates = new org.paraterm.mining.TermMiner(
                org.paraterm.mining.MiningSettings.defaults().withMinFreq(options.minFreq())).mine(documents);
        Files.writeString(options.out(), org.paraterm.mining.CandidateTable.write(candidates, documents, options.top()),
                StandardCharsets.UTF_8);
        out.printf("%d candidates from %d documents written to %s%n", Math.min(options.top(), candidates.size()),
                documents.size(), options.out());
        return 0;
    }

    /** Configuration for the application context: the database in the data folder, the port. */
    static Map<String, Object> properties(Options options, boolean server) throws IOException {
        Path data = options.data().toAbsolutePath().normalize();
        Files.createDirectories(data);
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", "jdbc:h2:file:" + data.resolve("paraterm")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("datasources.default.driver-class-name", "org.h2.Driver");
        properties.put("datasources.default.username", "sa");
        properties.put("datasources.default.password", "");
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("paraterm.data", data.toString());
        if (server) {
            properties.put("micronaut.server.port", options.port());
        }
        return properties;
    }
}
