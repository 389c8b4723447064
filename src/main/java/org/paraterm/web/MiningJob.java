package org.paraterm.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.paraterm.concordance.ConcordanceIndex;
import org.paraterm.mining.CorpusMining;
import org.paraterm.mining.MiningSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the concordance index and the candidates up to date after documents are loaded through
 * the web, in the background: an upload stores its document and answers at once, and one worker
 * thread indexes the new document, then mines the whole corpus again (at 4,000 documents a
 * re-mine took 22 s inside the request). Uploads that arrive while a run is going are gathered
 * into one more run after it, which reads every document stored by then. The state is shown on
 * {@code /admin/corpus} and as JSON at {@code /admin/corpus/status}.
 *
 * <p>Mining uses the data folder's settings ({@link MiningSettings#forDataFolder}), read at each
 * run, as {@code ingest} reads them: {@code mining.properties} in the data folder, or the file
 * {@code serve --settings} named ({@code paraterm.mining.settings}), and {@code --min-freq}
 * ({@code paraterm.mining.min-freq}).
 *
 * <p>A run that fails with an exception is shown as failed, and the previous candidates stay. An
 * {@link Error} (out of memory) is not caught: it ends the process with a clear line (see
 * {@code cli.FatalErrors}), since after it nothing in the process can be trusted.
 */
@Singleton
public class MiningJob {

    private static final Logger LOG = LoggerFactory.getLogger(MiningJob.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Where the job is. */
    public enum State { IDLE, QUEUED, RUNNING, DONE, FAILED }

    /**
     * The job's state for the page and the JSON: {@code state} in lower case, the running run's
     * {@code phase} and {@code percent} (null when the phase has no count), whether another run is
     * {@code queued} after this one, and one line saying all of it.
     */
    @Serdeable
    public record Status(String state, String phase, Integer percent, boolean queued, String message) {

        /** Whether a run is queued or going, so that the page shows it refreshing. */
        public boolean busy() {
            return state.equals("queued") || state.equals("running");
        }
    }

    private final CorpusMining mining;
    private final ConcordanceIndex concordance;
    private final Path data;
    private final Path settingsFile;
    private final int minFreq;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paraterm-mining-job");
        // The application context stops it (close()); it must not keep a stopping JVM alive.
        thread.setDaemon(true);
        return thread;
    });

    private State state = State.IDLE;
    private String phase = "";
    private Integer percent;
    private String outcome = "";
    /** Documents were loaded after the running run read them (or no run is going yet). */
    private boolean pending;
    private boolean working;

    public MiningJob(CorpusMining mining, ConcordanceIndex concordance, @Value("${paraterm.data:}") String data,
                     @Value("${paraterm.mining.settings:}") String settingsFile,
                     @Value("${paraterm.mining.min-freq:0}") int minFreq) {
        this.mining = mining;
        this.concordance = concordance;
        this.data = data.isBlank() ? null : Path.of(data);
        this.settingsFile = settingsFile.isBlank() ? null : Path.of(settingsFile);
        this.minFreq = minFreq;
    }

    /** Asks for a run because documents were stored; returns at once. */
    public synchronized Status request() {
        pending = true;
        if (!working) {
            working = true;
            state = State.QUEUED;
            worker.execute(this::work);
        }
        return status();
    }

    public synchronized Status status() {
        String line = switch (state) {
            case IDLE -> "no mining since the server started";
            case QUEUED -> "mining queued: the candidates and the concordance will be brought up to date in the"
                    + " background" + (outcome.isEmpty() ? "" : " (the last run: " + outcome + ")");
            case RUNNING -> "mining in the background: " + phase
                    + (percent == null ? "" : " (" + percent + " %)")
                    + (pending ? "; another run follows for the documents loaded since this one began" : "");
            case DONE, FAILED -> outcome;
        };
        return new Status(state.name().toLowerCase(Locale.ROOT), state == State.RUNNING ? phase : null,
                state == State.RUNNING ? percent : null, pending && state == State.RUNNING, line);
    }

    private void work() {
        while (true) {
            synchronized (this) {
                if (!pending) {
                    working = false;
                    return;
                }
                pending = false;
                state = State.RUNNING;
                phase("indexing the new documents for the concordance", 0, 0);
            }
            long started = System.nanoTime();
            boolean finished = false;
            try {
                MiningSettings settings = MiningSettings.forDataFolder(data, settingsFile, minFreq);
                int indexed = concordance.synchronize();
                int candidates = mining.remine(settings, this::phase);
                finish(State.DONE, String.format(Locale.ROOT, "mining done at %s: %,d candidates, in %.1f s;"
                        + " %d documents newly indexed for the concordance", now(), candidates,
                        (System.nanoTime() - started) / 1e9, indexed));
                finished = true;
            } catch (IllegalArgumentException e) {
                finish(State.FAILED, failed("the mining settings are not valid: " + e.getMessage()));
                finished = true;
            } catch (SQLException | IOException | RuntimeException e) {
                LOG.error("the mining job failed", e);
                finish(State.FAILED, failed(e instanceof IOException
                        ? "the concordance index or the settings file could not be read or written"
                        : e instanceof SQLException ? "the database could not be read or written"
                        : "an unexpected error"));
                finished = true;
            } finally {
                if (!finished) {
                    // An Error is on its way to the thread's handler, which ends the process.
                    synchronized (this) {
                        finish(State.FAILED, failed("a fatal error; the server is stopping"));
                        state = State.FAILED;
                        working = false;
                    }
                }
            }
        }
    }

    private static String failed(String reason) {
        return "mining failed at " + now() + ": " + reason + " (details in the server log); the candidates of the"
                + " previous run are still shown. Load a document again or run ingest to retry.";
    }

    /** Records a run's end; with documents loaded since it began, the job is queued again rather than done. */
    private synchronized void finish(State state, String outcome) {
        this.state = pending ? State.QUEUED : state;
        this.outcome = outcome;
        this.phase = "";
        this.percent = null;
    }

    private synchronized void phase(String phase, int done, int total) {
        this.phase = phase;
        this.percent = total > 0 ? (int) (100L * done / total) : null;
    }

    private static String now() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(CLOCK);
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
