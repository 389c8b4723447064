package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.paraterm.KillPoint;

/**
 * paraterm in its own JVM ({@code java org.paraterm.cli.Paraterm …} on this test's class path), its
 * output read line by line as it comes, for the tests that kill it with SIGKILL
 * ({@link Process#destroyForcibly}) at a point its output shows: a {@link KillPoint} where it
 * stops and waits to be killed ({@link #startPausedAt}), so that a kill never depends on how fast
 * the machine is. What runs after the kill runs in the test's own JVM ({@link #runHere},
 * {@code Paraterm.startServer}): the same code on the same database, without another JVM start.
 */
final class Child {

    private static final long TIMEOUT_SECONDS = 120;

    final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;
    private String pausePoint;

    private Child(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // the process was killed
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static Child start(String... arguments) throws Exception {
        return startWith(List.of(), arguments);
    }

    /** A child that stops at a {@link KillPoint} when it reaches it; {@link #awaitPause} waits for that. */
    static Child startPausedAt(String point, String... arguments) throws Exception {
        Child child = startWith(List.of("-D" + KillPoint.PROPERTY + "=" + point), arguments);
        child.pausePoint = point;
        return child;
    }

    /** A child with extra JVM options, such as {@code -Duser.timezone=Asia/Shanghai}. */
    static Child startWith(List<String> jvmOptions, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Paraterm.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PARATERM_ADMIN_PASSWORD", "kill test admin");
        return new Child(builder.start());
    }

    /** Waits for a line of output, failing with everything seen so far if it does not come. */
    void await(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (wanted.test(line)) {
                    return;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("the line did not come; output was:\n" + String.join("\n", seen));
    }

    /** Waits until the child stopped at its kill point (it waits there until killed). */
    void awaitPause() throws InterruptedException {
        await(line -> line.equals("paused at " + pausePoint));
    }

    /** kill -9, and wait until the process is gone (its file lock with it). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    int exit() throws InterruptedException {
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** Everything printed so far; once the process has ended, everything it printed. */
    String output() throws InterruptedException {
        if (!process.isAlive()) {
            reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        }
        lines.drainTo(seen);
        return String.join("\n", seen);
    }

    /** What a command run in this JVM returned and printed (standard output and error together). */
    record Run(int status, String output) {
    }

    /** A command in the test's own JVM, as {@code java -jar paraterm.jar ARGS…} would run it. */
    static Run runHere(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = Paraterm.run(arguments, print, print);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    static String freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
