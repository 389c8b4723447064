package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.mining.CorpusGrower;
import org.paraterm.parallel.BundledParallel;

/**
 * paraterm in its own JVM with a heap far too small: it must end with exit status 3 and one line
 * on standard error saying what ran out and what heap to give it, instead of hanging with no port
 * open (an OutOfMemoryError in the main thread left the application context's threads running).
 */
class OutOfMemoryTest {

    private static final long DEADLINE_SECONDS = 120;

    /** Enough heap for the JVM, Micronaut and H2 to start, far too little to mine 2 MB of text. */
    private static final String SMALL_HEAP = "-Xmx48m";

    @Test
    void shouldEndWithOneClearLineWhenMiningRunsOutOfMemoryInIngestAndAtTheStartOfServe(@TempDir Path temp)
            throws Exception {
        Path corpus = grownCorpus(temp.resolve("corpus"), 2_000_000);
        Path data = temp.resolve("data");
        String line = "paraterm: out of memory while mining 32 documents \\(2 MB\\) with a \\d+ MB heap; start java with"
                + " -Xmx512m \\(about 512 MB for this corpus: mining takes about 20 bytes of heap per byte of text,"
                + " docs/scaling.md\\)";

        Ended ingest = run(temp, SMALL_HEAP, "ingest", corpus.toString(), "--data", data.toString());
        // The documents were loaded before mining ran out; serve then mines them at its start.
        Ended serve = run(temp, SMALL_HEAP, "serve", "--data", data.toString(), "--port", Child.freePort());

        assertThat(ingest.status()).as(ingest.err()).isEqualTo(FatalErrors.STATUS);
        assertThat(ingest.out()).contains("32 loaded");
        assertThat(ingest.err().lines().filter(l -> l.startsWith("paraterm:"))).singleElement().asString()
                .matches(line);
        assertThat(serve.status()).as(serve.err()).isEqualTo(FatalErrors.STATUS);
        assertThat(serve.out()).doesNotContain("paraterm is ready");
        assertThat(serve.err().lines().filter(l -> l.startsWith("paraterm:"))).singleElement().asString()
                .matches(line);
        assertThat(serve.err()).doesNotContain("\tat ");
    }

    @Test
    void shouldEndWithOneClearLineWhenTheHeapRunsOutAnywhereElseInTheStart(@TempDir Path temp) throws Exception {
        // The first start loads the bundled corpus and the parallel text; 32 MB runs out on the way.
        Ended serve = run(temp, "-Xmx32m", "serve", "--data", temp.resolve("data").toString(),
                "--port", Child.freePort());

        assertThat(serve.status()).as(serve.err()).isEqualTo(FatalErrors.STATUS);
        assertThat(serve.err()).containsPattern("paraterm: out of memory \\(.*\\) in thread \\S+ with a \\d+ MB heap;"
                + " start java with a larger heap, for example -Xmx1g");
    }

    private record Ended(int status, String out, String err) {
    }

    /** Runs paraterm in a child JVM until it ends, which it must within the deadline. */
    private static Ended run(Path temp, String heap, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), heap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Paraterm.class.getName()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PARATERM_ADMIN_PASSWORD", "out of memory test admin");
        Process process = builder.start();
        try {
            assertThat(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS))
                    .as("paraterm %s still running after %d s; its output:%n%s%n%s", arguments[0], DEADLINE_SECONDS,
                            Files.readString(out), Files.readString(err))
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Ended(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Documents grown from the bundled text (CorpusGrower, seed 1): real-looking UN prose that does not repeat. */
    private static Path grownCorpus(Path folder, long bytes) throws Exception {
        CorpusGrower grower = CorpusGrower.trained(Path.of("glossary", "corpus", "parallel", "unpc-dev",
                BundledParallel.CHINESE_FILE), Path.of("glossary", "corpus", "un-zh"));
        Files.createDirectories(folder);
        int number = 0;
        for (byte[] file : grower.files(bytes, 1)) {
            Files.write(folder.resolve(String.format("grown_%05d.txt", number++)), file);
        }
        return folder;
    }
}
