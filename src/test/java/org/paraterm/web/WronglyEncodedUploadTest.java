package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.backup.DatabaseTables;
import org.paraterm.corpus.WronglyEncoded;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/**
 * Documents in Latin-1, windows-1252, Shift-JIS, EUC-KR and Big5 uploaded at /admin/corpus: each is
 * refused with the file named instead of being loaded as mojibake, and the database and the upload
 * folder stay as they were.
 */
class WronglyEncodedUploadTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = temp.resolve("data");
        server = TestServer.in(data).withCorpus()
                .withAccount("chief", "admin password 1", Role.ADMIN)
                .with("paraterm.data", data.toString())
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldRefuseEachWronglyEncodedDocumentNamingTheFileAndChangeNothing() throws Exception {
        WebSession chief = new WebSession(server.getPort());
        chief.signIn("chief", "admin password 1");
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Map<String, Long> before = rowCounts();

        for (Map.Entry<String, byte[]> file : WronglyEncoded.files().entrySet()) {
            HttpResponse<String> refused = chief.upload("/admin/corpus", token, "file", file.getKey(), file.getValue());

            assertThat(refused.statusCode()).isEqualTo(303);
            assertThat(URLDecoder.decode(refused.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8))
                    .as(file.getKey()).contains("problem=refused " + file.getKey() + ": ", "save it as UTF-8");
        }

        assertThat(rowCounts()).isEqualTo(before);
        if (Files.isDirectory(data.resolve("uploads"))) {
            try (Stream<Path> files = Files.walk(data.resolve("uploads"))) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    private static Map<String, Long> rowCounts() throws Exception {
        try (Connection connection = server.getApplicationContext().getBean(DataSource.class).getConnection()) {
            return DatabaseTables.rowCounts(connection);
        }
    }
}
