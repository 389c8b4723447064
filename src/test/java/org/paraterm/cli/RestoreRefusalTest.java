package org.paraterm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestDatabase;
import org.paraterm.TestServer;

/** restore refuses what it cannot load completely, says which file, entry and line, and leaves the target as it was. */
// The refusals of a restore into an H2 data folder (files swapped in by a rename); a database
// server's own rules are tested in BackupAcrossDatabasesTest.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable(named = TestDatabase.ADMIN_URL_VARIABLE, matches = ".+")
class RestoreRefusalTest {

    private Path folder;
    private Path good;
    private Path existing;
    private Map<String, List<String>> existingRows;

    @BeforeAll
    void backUpTheStarterGlossary(@TempDir Path temp) throws Exception {
        folder = temp;
        Path data = temp.resolve("data");
        try (EmbeddedServer ignored = TestServer.in(data).withStarterGlossary().start()) {
            // the starter glossary is stored; the server closes the database again
        }
        good = temp.resolve("good.zip");
        assertThat(run("backup", "--data", data.toString(), "--out", good.toString()).status()).isZero();
        existing = temp.resolve("existing");
        try (EmbeddedServer ignored = TestServer.in(existing).start()) {
            // an empty, migrated database
        }
        existingRows = BackupRoundTripTest.dump(existing);
    }

    @Test
    void shouldRefuseAFileThatIsNotAZip() throws Exception {
        Path file = Files.writeString(folder.resolve("notes.zip"), "国际刑警组织 — not a zip", StandardCharsets.UTF_8);

        Result result = restoreInto("not-a-zip", file);

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains(file + ": not a paraterm backup (not a zip file, or a damaged or truncated one)");
    }

    @Test
    void shouldRefuseATruncatedZip() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(folder.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Result result = restoreInto("truncated", file);

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("truncated.zip: not a paraterm backup");
    }

    @Test
    void shouldRefuseAChangedTableNamingItsEntry() throws Exception {
        Path file = rewrite("changed.zip", "tables/entry_term.jsonl", text -> text.replace("Member States", "Member Staten"));

        Result result = restoreInto("changed", file);

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("changed.zip: entry tables/entry_term.jsonl: checksum mismatch");
    }

    @Test
    void shouldRefuseABrokenRowNamingItsEntryAndLine() throws Exception {
        Path file = rewrite("broken.zip", "tables/entry_term.jsonl", text -> {
            String[] lines = text.split("\n", -1);
            lines[2] = lines[2].substring(0, lines[2].length() / 2);
            return String.join("\n", lines);
        });

        Result result = restoreInto("broken", file);

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("broken.zip: entry tables/entry_term.jsonl line 3: ");
    }

    @Test
    void shouldRefuseANewerFormatAndANewerSchema() throws Exception {
        Path format = rewrite("format.zip", "manifest.json", text -> text.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        Path schema = rewrite("schema.zip", "manifest.json", text -> text.replaceFirst("\"schemaVersion\" : \"[0-9]+\"",
                "\"schemaVersion\" : \"99\""));

        Result newerFormat = restoreInto("format", format);
        Result newerSchema = restoreInto("schema", schema);

        assertThat(newerFormat.err()).contains("format.zip was written by a newer paraterm (backup format 2;"
                + " this paraterm reads format 1 and older)");
        assertThat(newerSchema.err()).contains("schema.zip holds a database of schema version 99, newer than this"
                + " paraterm knows");
        assertThat(newerFormat.status()).isEqualTo(1);
        assertThat(newerSchema.status()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnExistingDatabaseWithoutForceAndKeepItWhenTheBackupIsDamaged() throws Exception {
        Path damaged = rewrite("damaged.zip", "tables/entry.jsonl", text -> text.replace("APPROVED", "REJECTED"));

        Result withoutForce = run("restore", good.toString(), "--data", existing.toString());
        Result forcedDamaged = run("restore", damaged.toString(), "--data", existing.toString(), "--force");

        assertThat(withoutForce.err()).contains(existing.toAbsolutePath() + " already holds a paraterm database;"
                + " restore into an empty folder, or add --force to replace it");
        assertThat(forcedDamaged.err()).contains("damaged.zip: entry tables/entry.jsonl: checksum mismatch");
        assertThat(BackupRoundTripTest.dump(existing)).isEqualTo(existingRows);
        assertThat(existing.resolve("restore.tmp")).doesNotExist();
    }

    @Test
    void shouldReplaceAnExistingDatabaseWithForce() throws Exception {
        Path target = folder.resolve("replaced");
        try (EmbeddedServer ignored = TestServer.in(target).start()) {
            // an empty, migrated database
        }

        Result result = run("restore", good.toString(), "--data", target.toString(), "--force");

        assertThat(result.status()).isZero();
        assertThat(BackupRoundTripTest.dump(target).get("entry")).hasSize(45);
    }

    private Result restoreInto(String name, Path file) {
        Path target = folder.resolve(name);
        Result result = run("restore", file.toString(), "--data", target.toString());
        if (!Files.exists(target)) {
            return result;
        }
        try (var files = Files.list(target)) {
            assertThat(files.toList()).as("the target folder after a refused restore").isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** A copy of the good backup with one entry's text changed. */
    private Path rewrite(String name, String entryName, UnaryOperator<String> change) throws IOException {
        Path copy = folder.resolve(name);
        try (ZipFile zip = new ZipFile(good.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    String changed = change.apply(text);
                    assertThat(changed).as("the change to " + entryName).isNotEqualTo(text);
                    bytes = changed.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return copy;
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Paraterm.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
