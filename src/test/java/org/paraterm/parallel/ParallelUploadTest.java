package org.paraterm.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.TestServer;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/** Admins upload parallel text on /admin/corpus through a real server; nobody else can, nothing loads half. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelUploadTest {

    private EmbeddedServer server;
    private ParallelStore store;
    private Path uploads;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        uploads = temp.resolve("uploads");
        server = TestServer.in(temp).with("paraterm.data", temp.toString())
                .with("micronaut.server.max-request-size", 1024 * 1024)
                .with("micronaut.server.multipart.max-file-size", 1024 * 1024)
                .withAccount("chief", "admin password 1", Role.ADMIN)
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST).start();
        store = server.getApplicationContext().getBean(ParallelStore.class);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void shouldLoadALinePairWithItsIdsAndListIt() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Map<String, Upload> files = new LinkedHashMap<>();
        files.put("zh", new Upload("excerpt.zh", lines("zh", 0, 60)));
        files.put("en", new Upload("translation.en", lines("en", 0, 60)));
        files.put("ids", new Upload("excerpt.ids", lines("ids", 0, 60)));

        HttpResponse<String> response = upload(chief, token, files);

        assertThat(location(response)).isEqualTo("/admin/corpus?done=loaded parallel excerpt: 60 units");
        assertThat(store.all()).filteredOn(unit -> unit.document().equals("A/69/767")).isNotEmpty();
        String page = chief.get("/admin/corpus").body();
        assertThat(page).containsPattern("<td>excerpt</td>\\s*<td>lines</td>\\s*<td class=\"number\">60</td>");
    }

    @Test
    void shouldLoadATmxAndRefuseABrokenOneWithItsLineLeavingTheStoreAsItWas() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        byte[] good = Files.readAllBytes(TmxReaderTest.EXCERPT);
        byte[] broken = Files.readAllBytes(TmxReaderTest.BROKEN);

        HttpResponse<String> loaded = upload(chief, token, Map.of("zh", new Upload("memories.tmx", good)));
        List<ParallelUnit> before = store.all();
        HttpResponse<String> refused = upload(chief, token, Map.of("zh", new Upload("memories.tmx", broken)));

        assertThat(location(loaded)).startsWith("/admin/corpus?done=loaded parallel memories.tmx: 6 units");
        assertThat(location(refused)).startsWith("/admin/corpus?problem=refused parallel memories.tmx:20: not well-formed XML");
        assertThat(store.all()).isEqualTo(before);
        assertThat(chief.get(refused.headers().firstValue("Location").orElseThrow()).body())
                .contains("memories.tmx:20: not well-formed XML");
    }

    @Test
    void shouldAlignAnUploadedDocumentPairWhateverTheEnglishFileIsCalled() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Map<String, Upload> pair = new LinkedHashMap<>();
        pair.put("zh", new Upload("npt-conf-2015-13.zh.txt", Files.readAllBytes(DocumentPairImportTest.ZH)));
        pair.put("en", new Upload("english version.en.txt", Files.readAllBytes(DocumentPairImportTest.EN)));

        HttpResponse<String> response = upload(chief, token, pair);

        assertThat(location(response)).isEqualTo("/admin/corpus?done=loaded parallel npt-conf-2015-13: 10 units");
        assertThat(store.sources()).filteredOn(source -> source.name().equals("npt-conf-2015-13")).singleElement()
                .extracting(ParallelSource::format).isEqualTo(ParallelSource.DOCUMENTS);
    }

    @Test
    void shouldRefuseAPairWithoutItsEnglishSideAndSwappedSides() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        int before = store.count();

        HttpResponse<String> alone = upload(chief, token, Map.of("zh", new Upload("alone.zh", lines("zh", 0, 10))));
        Map<String, Upload> swapped = new LinkedHashMap<>();
        swapped.put("zh", new Upload("swapped.zh", lines("en", 500, 560)));
        swapped.put("en", new Upload("swapped.en", lines("zh", 500, 560)));
        HttpResponse<String> refused = upload(chief, token, swapped);

        assertThat(location(alone)).contains("problem=alone.zh: a line pair needs its English side as a .en file");
        assertThat(location(refused)).isEqualTo("/admin/corpus?problem=refused parallel swapped.zh:"
                + " the text claims to be Chinese but reads as English (eng)");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void shouldKeepNoFileOfARefusedUploadAndTheFilesOfALoadedOne() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Map<String, Upload> swapped = new LinkedHashMap<>();
        swapped.put("zh", new Upload("refused-pair.zh", lines("en", 600, 640)));
        swapped.put("en", new Upload("refused-pair.en", lines("zh", 600, 640)));
        Map<String, Upload> good = new LinkedHashMap<>();
        good.put("zh", new Upload("kept-pair.zh", lines("zh", 700, 740)));
        good.put("en", new Upload("kept-pair.en", lines("en", 700, 740)));

        HttpResponse<String> broken = upload(chief, token,
                Map.of("zh", new Upload("refused-memories.tmx", Files.readAllBytes(TmxReaderTest.BROKEN))));
        HttpResponse<String> refused = upload(chief, token, swapped);
        HttpResponse<String> loaded = upload(chief, token, good);

        assertThat(location(broken)).startsWith("/admin/corpus?problem=refused parallel refused-memories.tmx");
        assertThat(location(refused)).startsWith("/admin/corpus?problem=refused parallel refused-pair.zh");
        assertThat(location(loaded)).isEqualTo("/admin/corpus?done=loaded parallel kept-pair: 40 units");
        List<String> kept;
        try (java.util.stream.Stream<Path> files = Files.walk(uploads)) {
            kept = files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        }
        assertThat(kept).noneMatch(name -> name.startsWith("refused-")).contains("kept-pair.zh", "kept-pair.en");
    }

    @Test
    void shouldRefuseAnUploadOverTheSizeLimitAndLoadNothing() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        int before = store.count();
        Map<String, Upload> whole = new LinkedHashMap<>();
        whole.put("zh", new Upload("UNv1.0.devset.zh", lines("zh", 0, 4000)));
        whole.put("en", new Upload("UNv1.0.devset.en", lines("en", 0, 4000)));

        HttpResponse<String> response = upload(chief, token, whole);

        assertThat(location(response)).isEqualTo("/admin/corpus?problem=the upload is larger than the limit of 1 MB"
                + " for one request; load larger files with ingest");
        assertThat(store.count()).isEqualTo(before);
        assertThat(store.sources()).extracting(ParallelSource::name).doesNotContain("UNv1.0.devset");
    }

    @Test
    void shouldRemoveASourceForAdminsOnly() throws Exception {
        WebSession chief = admin();
        String token = WebSession.token(chief.get("/admin/corpus").body());
        Map<String, Upload> pair = new LinkedHashMap<>();
        pair.put("zh", new Upload("mistake.zh", lines("zh", 100, 120)));
        pair.put("en", new Upload("mistake.en", lines("en", 100, 120)));
        upload(chief, token, pair);
        int before = store.count();
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");

        HttpResponse<String> refused = wang.post("/admin/corpus/parallel/remove",
                Map.of("_csrf", WebSession.token(wang.get("/account").body()), "source", "mistake"));
        assertThat(refused.headers().firstValue("Location")).hasValue("/forbidden");
        assertThat(store.count()).isEqualTo(before);

        HttpResponse<String> removed = chief.post("/admin/corpus/parallel/remove", Map.of("_csrf", token, "source", "mistake"));
        assertThat(location(removed)).isEqualTo("/admin/corpus?done=removed parallel mistake");
        assertThat(store.count()).isEqualTo(before - 20);
        assertThat(store.sources()).extracting(ParallelSource::name).doesNotContain("mistake");
    }

    @Test
    void shouldKeepNonAdminsAndForgedFormsOut() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        String token = WebSession.token(wang.get("/account").body());
        Map<String, Upload> pair = new LinkedHashMap<>();
        pair.put("zh", new Upload("wang.zh", lines("zh", 0, 10)));
        pair.put("en", new Upload("wang.en", lines("en", 0, 10)));

        HttpResponse<String> terminologist = upload(wang, token, pair);
        HttpResponse<String> anonymous = upload(new WebSession(server.getPort()), token, pair);
        HttpResponse<String> forged = upload(admin(), "not-the-token", pair);

        assertThat(terminologist.headers().firstValue("Location")).hasValue("/forbidden");
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).matches("/login.*|/expired");
        assertThat(forged.headers().firstValue("Location")).hasValue("/expired");
        assertThat(store.sources()).extracting(ParallelSource::name).doesNotContain("wang");
    }

    private record Upload(String name, byte[] content) {
    }

    private WebSession admin() throws Exception {
        WebSession chief = new WebSession(server.getPort());
        chief.signIn("chief", "admin password 1");
        return chief;
    }

    private static byte[] lines(String side, int from, int to) throws Exception {
        return (String.join("\n", Files.readAllLines(Path.of("glossary/corpus/parallel/unpc-dev/UNv1.0.devset." + side),
                StandardCharsets.UTF_8).subList(from, to)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<String> response) {
        return URLDecoder.decode(response.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> upload(WebSession session, String token, Map<String, Upload> files)
            throws Exception {
        String boundary = "paraterm-parallel-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Upload> file : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                    + "\"; filename=\"" + file.getValue().name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(file.getValue().content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.send(HttpRequest.newBuilder(session.uri("/admin/corpus/parallel?_csrf=" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
