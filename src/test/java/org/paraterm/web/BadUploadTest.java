package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
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
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/**
 * Uploads that cannot be taken — empty, binary, too large, in an encoding the reader does not
 * know, with a file name that points outside the upload folder — through the real server: each
 * is answered with a message that says what is wrong, and no row of the database changes.
 */
class BadUploadTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static Path data;

    /** A real paragraph of A/RES/75/196 (the bundled 000_… document), for files that must be refused. */
    private static final String PARAGRAPH = "确认冠状病毒病(COVID-19)大流行对公共健康和社会经济造成前所未有的损害，"
            + "包括大流行病对驱动、助长和延续犯罪活动的各种薄弱环节的影响，";

    @BeforeAll
    static void start() throws Exception {
        data = temp.resolve("data");
        server = TestServer.in(data).withCorpus()
                .withAccount("chief", "admin password 1", Role.ADMIN)
                .with("paraterm.data", data.toString())
                .with("paraterm.upload.max-bytes", 300_000)
                .with("paraterm.check.max-bytes", 100_000)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldRefuseAnEmptyABinaryAndAWronglyEncodedDocumentNamingTheFileAndLoadNothing() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Map<String, Long> before = rowCounts();

        String empty = problem(chief.upload("/admin/corpus", token, "file", "empty.txt", new byte[0]));
        String binary = problem(chief.upload("/admin/corpus", token, "file", "scan.txt", png()));
        String pdf = problem(chief.upload("/admin/corpus", token, "file", "report.txt",
                "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)));
        String latin = problem(chief.upload("/admin/corpus", token, "file", "note.txt",
                "Budget: 5 000 € for the “Member States” meeting — approved".getBytes(Charset.forName("windows-1252"))));

        assertThat(empty).contains("empty.txt", "empty");
        assertThat(binary).contains("scan.txt", "binary");
        assertThat(pdf).contains("report.txt", "PDF");
        assertThat(latin).contains("note.txt", "neither UTF-8 nor GB18030");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void shouldRefuseADocumentOverTheUploadLimitWith413AndLoadNothing() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Map<String, Long> before = rowCounts();
        byte[] large = PARAGRAPH.repeat(2_000).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = chief.upload("/admin/corpus", token, "file", "large.txt", large);

        assertThat(large.length).isGreaterThan(300_000);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("large.txt", "292 KB").doesNotContain("Exception", "io.micronaut");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(uploadedFiles()).noneMatch(file -> file.getFileName().toString().equals("large.txt"));
    }

    @Test
    void shouldWriteNothingOutsideTheDataFolderWhateverTheUploadedFileNameSays() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Map<String, Long> before = rowCounts();
        // Empty files, so that whatever the name turns into, nothing is loaded and the file is not kept.
        byte[] text = new byte[0];

        HttpResponse<String> nul = chief.upload("/admin/corpus", token, "file", "evil\u0000.txt", text);
        HttpResponse<String> windows = chief.upload("/admin/corpus", token, "file", "..\\..\\..\\evil.txt", text);
        HttpResponse<String> hidden = chief.upload("/admin/corpus", token, "file", "..", text);
        HttpResponse<String> upward = chief.upload("/admin/corpus", token, "file", "../../../evil.txt", new byte[0]);
        HttpResponse<String> absolute = chief.upload("/admin/corpus", token, "file",
                temp.resolve("absolute-evil.txt").toString(), new byte[0]);

        for (HttpResponse<String> response : java.util.List.of(nul, windows, hidden, upward, absolute)) {
            assertThat(response.statusCode()).as(response.body()).isIn(303, 400);
            assertThat(response.body()).doesNotContain("Exception", "io.micronaut", "java.");
        }
        assertThat(problem(hidden)).contains("choose a .txt file");
        assertThat(problem(upward)).contains("evil.txt", "empty");
        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().contains("evil")))
                    .isEmpty();
        }
        assertThat(temp.resolve("absolute-evil.txt")).doesNotExist();
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void shouldAnswerTheTextCheckOfAnEmptyABinaryAnOversizedAndAWronglyEncodedFileWithAClearError() throws Exception {
        WebSession visitor = new WebSession(server.getPort());
        Map<String, Long> before = rowCounts();

        HttpResponse<String> empty = visitor.upload("/check", "", "file", "empty.txt", new byte[0]);
        HttpResponse<String> binary = visitor.upload("/check", "", "file", "scan.txt", png());
        HttpResponse<String> latin = visitor.upload("/check", "", "file", "note.txt",
                "5 000 € for the “Member States”".getBytes(Charset.forName("windows-1252")));
        HttpResponse<String> large = visitor.upload("/check", "", "file", "large.txt",
                PARAGRAPH.repeat(600).getBytes(StandardCharsets.UTF_8));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Paste a text or choose a file");
        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(binary.body()).contains("scan.txt", "binary");
        assertThat(latin.statusCode()).isEqualTo(400);
        assertThat(latin.body()).contains("note.txt", "neither UTF-8 nor GB18030");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("too large", "97 KB");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void shouldRefuseTheEnglishSideOfADocumentPairAloneAndKeepNoRefusedFile() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Map<String, Long> before = rowCounts();
        byte[] english = Files.readAllBytes(Path.of("src/test/resources/parallel/npt-conf-2015-13.en.txt"));

        HttpResponse<String> alone = chief.upload("/admin/corpus", token, "file", "NPT-CONF.2015.13.en.txt", english);
        HttpResponse<String> binary = chief.upload("/admin/corpus", token, "file", "scan.txt", png());

        assertThat(alone.statusCode()).isEqualTo(303);
        assertThat(problem(alone)).contains("NPT-CONF.2015.13.en.txt: a file named .en.txt is the English side of a"
                + " document pair", "nothing was loaded");
        assertThat(problem(binary)).contains("scan.txt", "binary");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(uploadedFiles()).isEmpty();
    }

    @Test
    void shouldAnswerARequestLargerThanTheServerTakesWith413AsAPageForBrowsersAndAsJsonForScripts()
            throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        long bytes = 200L << 20;

        HttpResponse<String> adminPage = oversized(chief, "/admin/corpus?_csrf=" + token, "text/html", bytes, true);
        HttpResponse<String> adminJson = oversized(chief, "/admin/corpus?_csrf=" + token, "application/json", bytes,
                false);
        HttpResponse<String> checkPage = oversized(new WebSession(server.getPort()), "/check", "text/html", bytes, false);
        HttpResponse<String> checkJson = oversized(new WebSession(server.getPort()), "/check", "application/json",
                bytes, true);

        for (HttpResponse<String> response : java.util.List.of(adminPage, adminJson, checkPage, checkJson)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.body()).doesNotContain("Exception", "io.micronaut", "Internal Server Error");
        }
        assertThat(adminPage.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(adminPage.body()).contains("<h1>413</h1>", "the server takes requests of at most 10.0 MB"
                + " (micronaut.server.max-request-size)");
        assertThat(adminJson.body()).isEqualTo("{\"error\":\"请求过大 The request is too large: the server takes"
                + " requests of at most 10.0 MB (micronaut.server.max-request-size); load larger documents with the"
                + " ingest command\"}");
        assertThat(checkPage.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(checkPage.body()).contains("name=\"file\"", "the request is too large to check; the limit for a"
                + " text is 97 KB");
        assertThat(checkJson.body()).contains("the server takes requests of at most 10.0 MB");
        assertThat(uploadedFiles()).isEmpty();
    }

    @Test
    void shouldReadALargeMultipartUploadOffTheEventLoop() throws Exception {
        // 9 MB: within the request limit, beyond the upload limit of this server (300 KB). The
        // controller runs on the blocking executor, where a large multipart body once failed
        // with "body already claimed" (the CSRF filter reads the body first).
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        byte[] large = PARAGRAPH.repeat(9 * 1024 * 1024 / PARAGRAPH.getBytes(StandardCharsets.UTF_8).length)
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = chief.upload("/admin/corpus", token, "file", "nine.txt", large);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("nine.txt is too large (" + large.length / 1024 + " KB)");
    }

    /**
     * Posts a multipart body of {@code bytes} generated as it is sent (never held in memory), with
     * its length declared or chunked, as a browser (HTML) or a script (JSON) would.
     */
    private static HttpResponse<String> oversized(WebSession session, String path, String accept, long bytes,
                                                  boolean declared) throws Exception {
        java.util.function.Supplier<java.io.InputStream> body = () -> new java.io.InputStream() {
            private long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? '0' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) '0');
                left -= n;
                return n;
            }
        };
        java.net.http.HttpRequest.BodyPublisher stream = java.net.http.HttpRequest.BodyPublishers.ofInputStream(body);
        return session.send(java.net.http.HttpRequest.newBuilder(session.uri(path)).header("Accept", accept)
                .header("Content-Type", "multipart/form-data; boundary=paraterm-oversized")
                .POST(declared ? java.net.http.HttpRequest.BodyPublishers.fromPublisher(stream, bytes) : stream));
    }

    private static WebSession admin() throws Exception {
        WebSession chief = new WebSession(server.getPort());
        chief.signIn("chief", "admin password 1");
        return chief;
    }

    /** The message of a refused upload: the corpus page it redirects to says it, or the page answered. */
    private static String problem(HttpResponse<String> response) {
        return response.headers().firstValue("Location")
                .map(location -> URLDecoder.decode(location, StandardCharsets.UTF_8))
                .orElse(response.body());
    }

    /** The first bytes of a PNG image and some of its compressed data, NUL bytes included. */
    private static byte[] png() {
        byte[] bytes = new byte[2048];
        new java.util.Random(8).nextBytes(bytes);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private static java.util.List<Path> uploadedFiles() throws Exception {
        if (!Files.isDirectory(data.resolve("uploads"))) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.walk(data.resolve("uploads"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static Map<String, Long> rowCounts() throws Exception {
        try (Connection connection = server.getApplicationContext().getBean(DataSource.class).getConnection()) {
            return DatabaseTables.rowCounts(connection);
        }
    }
}
