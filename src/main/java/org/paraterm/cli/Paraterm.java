package org.paraterm.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paraterm.AppState;
import org.paraterm.DatabaseFailure;
import org.paraterm.DatabaseLock;
import org.paraterm.Database;
import org.paraterm.concordance.ConcordanceIndex;
import org.paraterm.corpus.BundledCorpus;
import org.paraterm.corpus.CleanPrinter;
import org.paraterm.corpus.CorpusLoader;
import org.paraterm.corpus.DocumentReader;
import org.paraterm.corpus.DocumentStore;
import org.paraterm.corpus.UnreadableDocumentException;
import org.paraterm.glossary.Csv;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Tbx;
import org.paraterm.mining.CandidateStore;
import org.paraterm.mining.CandidateTable;
import org.paraterm.mining.CorpusMining;
import org.paraterm.mining.MinedCandidate;
import org.paraterm.mining.Mining;
import org.paraterm.mining.MiningSettings;
import org.paraterm.parallel.BundledParallel;
import org.paraterm.parallel.ParallelLoader;
import org.paraterm.security.FirstAdmin;
import org.paraterm.security.UserStore;
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
              ingest DIR [--data DIR]                        load a folder of documents, and its parallel
                                                            texts (NAME.zh+NAME.en, *.tmx, NAME.zh.txt+NAME.en.txt)
              mine --corpus DIR --out FILE.tsv [--min-freq N] [--top N] [--settings FILE]
                                                            mine term candidates, no database needed
              suggest --parallel DIR --terms FILE --out FILE.tsv
                                                            English renderings of Chinese terms from parallel
                                                            text (line pairs, TMX), no database needed
              export --format tbx|csv [--data DIR] --out FILE
                                                            write the glossary as TBX-Basic or CSV
              import FILE [--data DIR]                      add the entries of a .tbx or .csv file (all or none)
              backup --data DIR --out FILE                   copy the whole database of a stopped server into a zip
              restore FILE --data DIR [--force]              load a backup into an empty data folder
                                                            (--force: replace its database)
              align --zh FILE --en FILE --out FILE.tsv [--dict FILE.tsv|none]
                                                            align a document with its translation,
                                                            one unit per line as zh<TAB>en

            options:
              --data DIR     the data folder: the concordance index, and the H2 database unless --db
                             is given (default: data/)
              --db URL       a PostgreSQL database shared by a team, jdbc:postgresql://HOST/NAME
                             (also PARATERM_DB_URL; user and password from PARATERM_DB_USER and
                             PARATERM_DB_PASSWORD or PARATERM_DB_PASSWORD_FILE; default: H2 in --data)
              --port N       HTTP port (default: 8080)
              --corpus DIR   corpus loaded on first start (default: the bundled glossary/corpus/un-zh)
            """;

    private Paraterm() {
    }

    /** H2's error code for a database file that another process holds open. */
    private static final int H2_DATABASE_IN_USE = 90020;

    /** Exit status of a command that leaves the server running. */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;

    public static void main(String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        FatalErrors.install(err);
        if (args.length > 0 && !args[0].equals("serve") && !args[0].startsWith("-")) {
            // A command's log is the terminal it runs in: no SQL statements there.
            DatabaseFailure.keepStatementsOutOfTheLog();
        }
        int status = run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8), err);
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
                case "export" -> export(options, out);
                case "import" -> importGlossary(options, out, err);
                case "backup" -> BackupCommand.run(options, out, err);
                case "restore" -> RestoreCommand.run(options, out, err);
                case "align" -> AlignCommand.run(options, out, err);
                case "suggest" -> SuggestCommand.run(options, out, err);
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

    /** Starts the server and leaves it running until the process is stopped. */
    private static int serve(Options options, PrintStream out) throws IOException, Options.UsageException {
        ApplicationContext context = startServer(options, out);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "paraterm-shutdown"));
        return KEEP_RUNNING;
    }

    /**
     * The running server, in this order: the database and its migrations, the first load of a
     * corpus into an empty database, then the HTTP port, so that no page answers before the
     * documents are there. The caller closes the returned context to stop it.
     */
    static ApplicationContext startServer(Options options, PrintStream out)
            throws IOException, Options.UsageException {
        MiningSettings settings = miningSettings(options);
        ApplicationContext context = startContext(options, true);
        try {
            try (DatabaseLock lock = startupLock(context, options, out)) {
                if (firstStartDue(context, options)) {
                    firstStart(context, options, settings, out);
                } else if (candidatesBehindCorpus(context)) {
                    remineUnlessMiningElsewhere(context, settings, out);
                }
                firstAdmin(context, out);
            } catch (SQLException e) {
                throw new IOException("the database " + where(options) + " cannot be written: "
                        + DatabaseFailure.explain("starting the server", e), e);
            }
            index(context, out);
            EmbeddedServer server = startListening(context, options);
            context.getBean(Readiness.class).markReady();
            out.println("paraterm is ready: open http://localhost:" + server.getPort() + "/");
            return context;
        } catch (IOException | RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * The shared start-up work (first start, catching up the candidates, the first admin) is done
     * by one instance at a time: two started together on an empty database would otherwise both
     * load the corpus. The index is each instance's own and is built after the lock is released.
     */
    private static DatabaseLock startupLock(ApplicationContext context, Options options, PrintStream out)
            throws IOException {
        try {
            return DatabaseLock.take(context.getBean(javax.sql.DataSource.class), DatabaseLock.Purpose.STARTUP,
                    () -> out.println("another paraterm instance is starting on this database; waiting for it to finish"));
        } catch (SQLException e) {
            throw new IOException("the database " + where(options) + " cannot be locked for the start: "
                    + DatabaseFailure.explain("locking the database for the start", e), e);
        }
    }

    /**
     * The application context of a command, its database open and migrated (the data source is
     * created eagerly, with Flyway, while the context starts). The HTTP port is not opened here.
     */
    private static ApplicationContext startContext(Options options, boolean server) throws IOException {
        Database database = database(options);
        if (!database.embedded()) {
            try {
                database.check();
            } catch (Database.SettingException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        ApplicationContext context;
        try {
            context = ApplicationContext.builder()
                    .mainClass(Paraterm.class)
                    .properties(properties(options, server))
                    .start();
        } catch (RuntimeException e) {
            throw new IOException(databaseProblem(options, e), e);
        }
        try {
            context.getBean(DocumentStore.class);
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw new IOException(databaseProblem(options, e), e);
        }
    }

    /** One line on why the database cannot be opened, instead of a page of stack trace. */
    private static String databaseProblem(Options options, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return "the database in " + options.data() + " is in use by another paraterm process"
                        + " (a running server?); stop it or choose another --data folder";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return "the database " + where(options) + " cannot be opened: " + rootCause(error);
    }

    /** "in DATA" for the H2 file of a data folder, "at URL" for a database server. */
    private static String where(Options options) {
        try {
            Database database = database(options);
            return database.embedded() ? "in " + options.data() : "at " + database.display();
        } catch (IOException e) {
            return "in " + options.data();
        }
    }

    /** The database of a command: --db, else PARATERM_DB_URL, else the H2 file in the data folder. */
    static Database database(Options options) throws IOException {
        try {
            return Database.choose(options.db(), options.data().toAbsolutePath().normalize(), System::getenv);
        } catch (Database.SettingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static int countDocuments(DocumentStore store, Options options) throws IOException {
        try {
            return store.count();
        } catch (SQLException e) {
            throw new IOException("the database " + where(options) + " cannot be read: "
                    + DatabaseFailure.explain("counting the documents", e), e);
        }
    }

    private static EmbeddedServer startListening(ApplicationContext context, Options options) throws IOException {
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IOException("cannot listen on port " + options.port() + ": " + rootCause(e), e);
        }
        return server;
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /**
     * A first start is due on an empty database that never began one, and on any database whose
     * first start began and did not finish (the process was killed while loading, mining or
     * importing the starter glossary). A database filled by {@code ingest} or {@code import}
     * before its first {@code serve} has no marker and documents, and is left as it is.
     */
    private static boolean firstStartDue(ApplicationContext context, Options options) throws IOException {
        try {
            Optional<String> marker = context.getBean(AppState.class).get(AppState.FIRST_START);
            return marker.isPresent() ? !marker.get().equals("finished")
                    : countDocuments(context.getBean(DocumentStore.class), options) == 0;
        } catch (SQLException e) {
            throw new IOException("the database in " + options.data() + " cannot be read: "
                    + DatabaseFailure.explain("reading the first-start marker", e), e);
        }
    }

    /**
     * The UN Parallel Corpus development set into the parallel store, from disk or from the jar,
     * under the source name {@code unpc-dev}; it is loaded on a first start whatever --corpus says,
     * since the Chinese corpus and the parallel text serve different ends.
     */
    private static void loadBundledParallel(ParallelLoader loader, PrintStream out) throws IOException {
        try (BundledCorpus bundled = BundledCorpus.openParallel(Path.of(""))) {
            ParallelLoader.SourceResult result = loader.loadLinePair(BundledParallel.SOURCE,
                    bundled.folder().resolve(BundledParallel.CHINESE_FILE));
            out.println(result.describe());
        }
    }

    /**
     * The first corpus loaded, mined, and the starter glossary imported, between a "started" and
     * a "finished" marker. Each step is whole or absent after a crash (one transaction per
     * document, per mining run, per import), and each can run again: files already loaded are
     * unchanged, the glossary is imported only while it is empty. So a restart resumes the same
     * corpus folder and completes what is missing.
     */
    private static void firstStart(ApplicationContext context, Options options, MiningSettings settings,
                                   PrintStream out) throws IOException {
        AppState state = context.getBean(AppState.class);
        Path corpus;
        try {
            Optional<String> began = state.get(AppState.FIRST_START);
            if (began.isPresent()) {
                String recorded = state.get(AppState.FIRST_START_CORPUS).orElse("");
                corpus = recorded.isEmpty() ? null : Path.of(recorded);
                out.println("completing the first start that was interrupted");
            } else {
                corpus = options.corpus() == null ? null : options.corpus().toAbsolutePath().normalize();
                state.put(AppState.FIRST_START_CORPUS, corpus == null ? "" : corpus.toString());
                state.put(AppState.FIRST_START, "started");
            }
        } catch (SQLException e) {
            throw new IOException("the database in " + options.data() + " cannot be written: "
                    + DatabaseFailure.explain("recording the first start", e), e);
        }
        loadFirstCorpus(context.getBean(CorpusLoader.class), corpus, out);
        loadBundledParallel(context.getBean(ParallelLoader.class), out);
        remine(context, settings, out);
        starterGlossary(context, out);
        try {
            state.put(AppState.FIRST_START, "finished");
        } catch (SQLException e) {
            throw new IOException("the database in " + options.data() + " cannot be written: "
                    + DatabaseFailure.explain("recording the first start", e), e);
        }
    }

    /** The folder given with --corpus, else the bundled corpus from disk or from the jar. */
    private static void loadFirstCorpus(CorpusLoader loader, Path corpus, PrintStream out) throws IOException {
        // One line as each file is done, so that a log shows how far a first start got.
        CorpusLoader.Progress report = (done, total, result) -> out.println(result.refused()
                ? "refused " + result.refusal()
                : result.outcome().name().toLowerCase(java.util.Locale.ROOT) + " " + result.file().getFileName());
        if (corpus != null) {
            loader.load(corpus, report);
            return;
        }
        try (BundledCorpus bundled = BundledCorpus.open(Path.of(""))) {
            loader.load(bundled.folder(), report);
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
        MiningSettings settings = miningSettings(options);
        try (ApplicationContext context = startContext(options, false)) {
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
            int parallelRefused = ingestParallel(context.getBean(ParallelLoader.class), folder, out);
            if (counts.containsKey("loaded") || counts.containsKey("replaced") || candidatesBehindCorpus(context)) {
                remine(context, settings, out);
            }
            index(context, out);
            return counts.getOrDefault("refused", 0) + parallelRefused == 0 ? 0 : 1;
        }
    }

    /**
     * The parallel sources in an ingested folder (line pairs, TMX, document pairs) into the
     * parallel store, one line per source; returns how many were refused.
     */
    private static int ingestParallel(ParallelLoader loader, Path folder, PrintStream out) throws IOException {
        List<ParallelLoader.SourceResult> results = loader.load(folder);
        if (results.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (ParallelLoader.SourceResult result : results) {
            counts.merge(result.refused() ? "refused" : result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    1, Integer::sum);
        }
        out.printf("parallel: %d loaded, %d replaced, %d unchanged, %d refused%n", counts.getOrDefault("loaded", 0),
                counts.getOrDefault("replaced", 0), counts.getOrDefault("unchanged", 0),
                counts.getOrDefault("refused", 0));
        results.forEach(result -> out.println("  " + result.describe()));
        return counts.getOrDefault("refused", 0);
    }

    /**
     * On a first start, the starter glossary (glossary/starter.tbx, from the working folder or the
     * jar) as approved, published entries, so that a new user sees a real glossary at once.
     */
    private static void starterGlossary(ApplicationContext context, PrintStream out) throws IOException {
        GlossaryStore glossary = context.getBean(GlossaryStore.class);
        Path onDisk = Path.of("glossary", "starter.tbx");
        try (java.io.InputStream in = Files.isRegularFile(onDisk) ? Files.newInputStream(onDisk)
                : Paraterm.class.getResourceAsStream("/glossary/starter.tbx")) {
            if (in == null || glossary.count() > 0) {
                return;
            }
            List<Entry> entries = Tbx.read(in, "glossary/starter.tbx", EntryStatus.APPROVED, true);
            glossary.createAll(entries, "starter", "starter glossary");
            out.println("starter glossary: " + entries.size() + " entries");
        } catch (Tbx.TbxException e) {
            throw new IOException("the starter glossary cannot be loaded: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IOException("the starter glossary cannot be loaded: "
                    + DatabaseFailure.explain("importing the starter glossary", e), e);
        }
    }

    /** Writes every entry of the glossary (deleted ones aside) as TBX-Basic. */
    private static int export(Options options, PrintStream out) throws IOException, Options.UsageException {
        if (options.out() == null) {
            throw new Options.UsageException("export needs --out FILE");
        }
        if (!options.format().equals("tbx") && !options.format().equals("csv")) {
            throw new Options.UsageException("export --format " + options.format() + ": tbx or csv");
        }
        try (ApplicationContext context = startContext(options, false)) {
            GlossaryStore glossary = context.getBean(GlossaryStore.class);
            List<Entry> entries = new java.util.ArrayList<>();
            for (int page = 1; ; page++) {
                GlossaryStore.Page result = glossary.search(new GlossaryStore.Query(null, null, null, false, page, 500));
                entries.addAll(result.entries());
                if (entries.size() >= result.total() || result.entries().isEmpty()) {
                    break;
                }
            }
            entries.sort(java.util.Comparator.comparingLong(Entry::id));
            Path temporary = options.out().toAbsolutePath().resolveSibling(options.out().getFileName() + ".part");
            try (java.io.Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                if (options.format().equals("csv")) {
                    Csv.write(entries, writer);
                } else {
                    Tbx.write(entries, writer);
                }
            }
            Files.move(temporary, options.out(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out.printf("%d entries written to %s%n", entries.size(), options.out());
            return 0;
        } catch (SQLException e) {
            throw new IOException("the glossary cannot be read: " + DatabaseFailure.explain("exporting the glossary", e), e);
        }
    }

    /** Adds the entries of a TBX file as approved, unpublished entries; a bad file adds nothing. */
    private static int importGlossary(Options options, PrintStream out, PrintStream err)
            throws IOException, Options.UsageException {
        Path file = options.argument("FILE");
        if (!Files.isRegularFile(file)) {
            err.println("paraterm: no file " + file);
            return 1;
        }
        List<Entry> entries;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            entries = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    ? Csv.read(in, file.toString(), EntryStatus.APPROVED, false)
                    : Tbx.read(in, file.toString(), EntryStatus.APPROVED, false);
        } catch (Tbx.TbxException e) {
            err.println("paraterm: " + e.getMessage() + " — nothing imported");
            return 1;
        }
        try (ApplicationContext context = startContext(options, false)) {
            out.printf("importing %d entries from %s%n", entries.size(), file);
            context.getBean(GlossaryStore.class).createAll(entries, "import", "import " + file.getFileName());
            out.printf("%d entries imported from %s (approved, not yet published)%n", entries.size(), file);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("paraterm: " + file + ", " + e.getMessage() + " — nothing imported");
            return 1;
        } catch (SQLException e) {
            throw new IOException(file + ": the entries cannot be saved, nothing imported: "
                    + DatabaseFailure.explain("importing " + file, e), e);
        }
    }

    /** Mines every document in the database again and stores the candidates; decisions stay. */
    private static void remine(ApplicationContext context, MiningSettings settings, PrintStream out)
            throws IOException {
        try {
            int count = context.getBean(CorpusMining.class).remine(settings);
            out.println("mined " + count + " candidates");
        } catch (SQLException e) {
            throw new IOException("mining the corpus failed, the previous candidates are kept: "
                    + DatabaseFailure.explain("mining the corpus", e), e);
        }
    }

    /**
     * Catching up the candidates at a start, unless another process is mining the database right
     * now: that run will bring them up to date, and until it completes the pages show the last
     * complete run. Waiting for it would keep this server closed for the whole run (minutes on a
     * large corpus), and mining again after it would repeat its work.
     */
    private static void remineUnlessMiningElsewhere(ApplicationContext context, MiningSettings settings, PrintStream out)
            throws IOException {
        try {
            java.util.OptionalInt count = context.getBean(CorpusMining.class).remineUnlessMiningElsewhere(settings);
            out.println(count.isPresent() ? "mined " + count.getAsInt() + " candidates"
                    : "another paraterm process is mining this database; serving the last complete run's candidates"
                    + " until it finishes");
        } catch (SQLException e) {
            throw new IOException("mining the corpus failed, the previous candidates are kept: "
                    + DatabaseFailure.explain("mining the corpus", e), e);
        }
    }

    /**
     * Brings the concordance index in the data folder in line with the database: builds it when it
     * is missing or of an older format, re-indexes what changed since it was last written.
     */
    private static void index(ApplicationContext context, PrintStream out) throws IOException {
        int indexed = context.getBean(ConcordanceIndex.class).synchronize();
        if (indexed > 0) {
            out.println("indexed " + indexed + " documents for the concordance");
        }
    }

    private static void firstAdmin(ApplicationContext context, PrintStream out) throws IOException {
        try {
            FirstAdmin.ensure(context.getBean(UserStore.class), System::getenv, out);
        } catch (SQLException e) {
            throw new IOException("the accounts cannot be read: " + DatabaseFailure.explain("reading the accounts", e), e);
        }
    }

    /**
     * Whether the corpus must be mined again before the candidates can be trusted: never mined,
     * or a document loaded (or replaced) after the last mining run finished, which is what a
     * process killed between loading and mining leaves. (Counting documents would not do: a run
     * counts only the Chinese ones it mined.)
     */
    private static boolean candidatesBehindCorpus(ApplicationContext context) throws IOException {
        try {
            Optional<CandidateStore.LastRun> run = context.getBean(CandidateStore.class).lastRun();
            if (run.isEmpty()) {
                return true;
            }
            Optional<java.time.Instant> lastLoaded = context.getBean(DocumentStore.class).lastLoaded();
            return lastLoaded.isPresent() && lastLoaded.get().isAfter(run.get().finishedAt());
        } catch (SQLException e) {
            throw new IOException("the candidates cannot be read: " + DatabaseFailure.explain("reading the candidates", e), e);
        }
    }

    /** Mines a folder of documents straight from the files and writes the candidates as TSV. */
    private static int mine(Options options, PrintStream out, PrintStream err) throws IOException, Options.UsageException {
        if (options.corpus() == null || options.out() == null) {
            throw new Options.UsageException("mine needs --corpus DIR and --out FILE.tsv");
        }
        List<org.paraterm.corpus.CleanDocument> documents = CorpusLoader.readAll(options.corpus(),
                refused -> err.println("paraterm: skipped " + refused.getMessage()));
        List<MinedCandidate> candidates = Mining.run(documents, miningSettings(options));
        Files.writeString(options.out(), CandidateTable.write(candidates, options.top()), StandardCharsets.UTF_8);
        out.printf("%d candidates from %d documents written to %s%n", Math.min(options.top(), candidates.size()),
                documents.size(), options.out());
        return 0;
    }

    /**
     * The mining settings: defaults, then the properties file given by {@code --settings} or else
     * {@code mining.properties} in the data folder (docs/02-term-mining.md lists the keys), then
     * {@code --min-freq}.
     */
    static MiningSettings miningSettings(Options options) throws IOException, Options.UsageException {
        try {
            return MiningSettings.forDataFolder(options.data(), options.settings(), options.minFreq());
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
    }

    /** Configuration for the application context: the database in the data folder, the port. */
    static Map<String, Object> properties(Options options, boolean server) throws IOException {
        Path data = options.data().toAbsolutePath().normalize();
        Files.createDirectories(data);
        Map<String, Object> properties = new HashMap<>(database(options).properties());
        properties.put("paraterm.data", data.toString());
        if (server) {
            properties.put("micronaut.server.port", options.port());
            // The server's re-mining after an upload uses the settings this command was given.
            if (options.settings() != null) {
                properties.put("paraterm.mining.settings", options.settings().toAbsolutePath().normalize().toString());
            }
            if (options.minFreq() > 0) {
                properties.put("paraterm.mining.min-freq", options.minFreq());
            }
        }
        return properties;
    }
}
