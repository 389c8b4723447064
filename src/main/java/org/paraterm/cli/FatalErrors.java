package org.paraterm.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.paraterm.mining.OutOfMemoryWhileMining;

/**
 * Ends the process after a fatal error, with one line on standard error and exit status
 * {@value #STATUS}: an {@link Error} (out of memory above all) in any thread, or any exception that
 * escapes the main thread (a failed start). Without this, an {@code OutOfMemoryError} while the
 * server started killed only the main thread: the threads the application context had started
 * kept the JVM alive with no port open, and {@code /health} never answered. Java's own
 * {@code -XX:+ExitOnOutOfMemoryError} would need every user to pass a flag; this is installed by
 * {@link Paraterm#main}.
 *
 * <p>Exceptions that escape another thread are logged by the JVM as usual and are not fatal; the
 * server's background jobs catch their own failures and show them (an upload's re-mining on
 * /admin/corpus), leaving only errors to come here.
 */
final class FatalErrors {

    /** The exit status after a fatal error; 1 and 2 are a command's own failures and usage errors. */
    static final int STATUS = 3;
    /** How long the normal exit (shutdown hooks: the database closed cleanly) may take before the process is halted. */
    private static final long EXIT_SECONDS = 20;

    /** Memory given back at the moment of a fatal error, so that the line can be written even then. */
    private static volatile byte[] reserve;

    private FatalErrors() {
    }

    static void install(PrintStream err) {
        reserve = new byte[1 << 20];
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof Error || thread.getName().equals("main")) {
                end(thread, error, err);
            } else {
                err.println("paraterm: in thread " + thread.getName() + ": " + error);
                error.printStackTrace(err);
            }
        });
    }

    /** Writes the line and ends the process: shutdown hooks run, and a halt follows if they hang. */
    static void end(Thread thread, Throwable error, PrintStream err) {
        reserve = null;
        try {
            err.println("paraterm: " + line(thread.getName(), error, Runtime.getRuntime().maxMemory()));
            if (!(error instanceof OutOfMemoryError)) {
                // Not the user's doing: the trace is for whoever fixes it.
                error.printStackTrace(err);
            }
            err.flush();
            // Another thread exits, because a shutdown hook may wait for this one (a job's executor
            // closing with the application context), and a watchdog halts if the hooks hang.
            Thread watchdog = new Thread(() -> {
                try {
                    TimeUnit.SECONDS.sleep(EXIT_SECONDS);
                } catch (InterruptedException ignored) {
                    // halting anyway
                }
                Runtime.getRuntime().halt(STATUS);
            }, "paraterm-fatal-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            Thread exit = new Thread(() -> System.exit(STATUS), "paraterm-fatal-exit");
            exit.start();
        } catch (Throwable again) {
            // No memory even for a thread: no clean exit is possible.
            Runtime.getRuntime().halt(STATUS);
        }
    }

    /** The one line said about a fatal error (without the "paraterm: " in front). */
    static String line(String thread, Throwable error, long maxHeapBytes) {
        if (error instanceof OutOfMemoryWhileMining mining) {
            return mining.getMessage();
        }
        if (error instanceof OutOfMemoryError) {
            long gigabytes = Math.max(1, (2 * (maxHeapBytes >> 20) + 1023) / 1024);
            return String.format(Locale.ROOT, "out of memory (%s) in thread %s with a %d MB heap; start java with a"
                    + " larger heap, for example -Xmx%dg", error.getMessage(), thread, maxHeapBytes >> 20, gigabytes);
        }
        String what = error.getMessage() == null ? error.getClass().getName()
                : error.getClass().getName() + ": " + error.getMessage();
        return (error instanceof Error ? "fatal error in thread " + thread : "unexpected error while running (thread "
                + thread + ")") + ": " + what + "; stopping";
    }
}
