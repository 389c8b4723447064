package org.paraterm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.paraterm.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.mining.CandidateStore;
import org.paraterm.security.Role;
import org.paraterm.security.WebSession;

/** The review workflow in pages, as a terminologist and a translator click through it. */
class ReviewPagesTest {

    @TempDir
    static Path temp;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(temp).withMinedCorpus()
                .withAccount("wang", "terminologist secret", Role.TERMINOLOGIST)
                .withAccount("li", "terminologist two", Role.TERMINOLOGIST)
                .withAccount("zhao", "translator secret", Role.TRANSLATOR).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldWalkACandidateFromTheQueueToAPublishedEntryThatEveryoneReads() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        String queue = wang.get("/review").body();
        assertThat(queue).contains("偷运移民", "批准 Approve", "拒绝 Reject");

        Map<String, String> approve = new LinkedHashMap<>();
        approve.put("_csrf", WebSession.token(queue));
        approve.put("back", "/review");
        approve.put("term", "偷运移民");
        approve.put("english", "smuggling of migrants");
        HttpResponse<String> approved = wang.post("/review/approve", approve);

        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(approved.headers().firstValue("Location").orElseThrow()).startsWith("/review?done=");
        assertThat(wang.get("/review").body()).doesNotContain("value=\"偷运移民\"");
        Entry entry = entryFor("偷运移民");
        String page = wang.get("/entries/" + entry.id()).body();
        assertThat(page).contains("偷运移民", "smuggling of migrants", "未发布 not published", "发布 Publish");
        WebSession visitor = new WebSession(server.getPort());
        assertThat(visitor.get("/entries/" + entry.id()).statusCode()).isEqualTo(404);

        wang.post("/entries/" + entry.id() + "/action", Map.of("_csrf", WebSession.token(page), "version",
                String.valueOf(entry.version()), "do", "publish"));

        String published = visitor.get("/entries/" + entry.id()).body();
        assertThat(published).contains("偷运移民", "smuggling of migrants", "已发布 published")
                .doesNotContain("发布 Publish", "编辑 Edit");
        assertThat(visitor.get("/entries?q=" + URLEncoder.encode("偷运", StandardCharsets.UTF_8)).body())
                .contains("smuggling of migrants");
    }

    @Test
    void shouldRefuseTheSecondEditorsSaveAndShowWhatTheFirstChanged() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        WebSession li = new WebSession(server.getPort());
        li.signIn("li", "terminologist two");
        String queue = wang.get("/review").body();
        wang.post("/review/approve", Map.of("_csrf", WebSession.token(queue), "back", "/review", "term", "网络犯罪"));
        Entry entry = entryFor("网络犯罪");

        String wangsForm = wang.get("/entries/" + entry.id() + "/edit").body();
        String lisForm = li.get("/entries/" + entry.id() + "/edit").body();
        HttpResponse<String> first = li.post("/entries/" + entry.id() + "/edit", editForm(lisForm, entry,
                "Offences committed by means of computer systems."));
        HttpResponse<String> second = wang.post("/entries/" + entry.id() + "/edit", editForm(wangsForm, entry,
                "Crime using the Internet."));

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("Not saved", "changed by li", "Offences committed by means of computer systems.",
                "Crime using the Internet.");
        assertThat(entryFor("网络犯罪").definitionEn()).isEqualTo("Offences committed by means of computer systems.");
    }

    @Test
    void shouldLetATranslatorCommentButNotReview() throws Exception {
        WebSession zhao = new WebSession(server.getPort());
        zhao.signIn("zhao", "translator secret");
        HttpResponse<String> queue = zhao.get("/review");
        assertThat(queue.statusCode()).isEqualTo(303);
        assertThat(queue.headers().firstValue("Location")).hasValue("/forbidden");

        String account = zhao.get("/account").body();
        HttpResponse<String> approve = zhao.post("/review/approve", Map.of("_csrf", WebSession.token(account),
                "back", "/review", "term", "资助恐怖主义"));
        assertThat(approve.headers().firstValue("Location")).hasValue("/forbidden");
        assertThat(server.getApplicationContext().getBean(CandidateStore.class).find("资助恐怖主义").orElseThrow()
                .row().status()).isEqualTo(CandidateStore.Status.OPEN);

        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        String wangQueue = wang.get("/review").body();
        wang.post("/review/approve", Map.of("_csrf", WebSession.token(wangQueue), "back", "/review",
                "term", "资助恐怖主义", "english", "financing of terrorism"));
        Entry entry = entryFor("资助恐怖主义");
        String entryPage = wang.get("/entries/" + entry.id()).body();
        wang.post("/entries/" + entry.id() + "/action", Map.of("_csrf", WebSession.token(entryPage),
                "version", String.valueOf(entry.version()), "do", "publish"));

        String page = zhao.get("/entries/" + entry.id()).body();
        zhao.post("/entries/" + entry.id() + "/comments", Map.of("_csrf", WebSession.token(page),
                "text", "<b>terrorist financing</b> 也可以吗？"));
        String withComment = zhao.get("/entries/" + entry.id()).body();
        assertThat(withComment).contains("&lt;b&gt;terrorist financing&lt;/b&gt; 也可以吗？").doesNotContain("<b>terrorist");
    }

    @Test
    void shouldRefuseEveryStateChangingPageToVisitorsAndTranslatorsAndChangeNothing() throws Exception {
        GlossaryStore glossary = server.getApplicationContext().getBean(GlossaryStore.class);
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        wang.post("/review/approve", Map.of("_csrf", WebSession.token(wang.get("/review").body()), "back", "/review",
                "term", "跨国有组织犯罪"));
        Entry entry = entryFor("跨国有组织犯罪");
        int entries = glossary.count();
        String[] posts = {"/review/approve", "/review/reject", "/review/merge", "/review/bulk", "/review/rendering",
            "/entries/" + entry.id() + "/edit", "/entries/" + entry.id() + "/action", "/admin/users"};

        WebSession visitor = new WebSession(server.getPort());
        String visitorToken = WebSession.token(visitor.get("/login").body());
        WebSession zhao = new WebSession(server.getPort());
        zhao.signIn("zhao", "translator secret");
        String translatorToken = WebSession.token(zhao.get("/account").body());
        for (String path : posts) {
            Map<String, String> form = Map.of("back", "/review", "term", "国际合作", "reason", "x", "entry",
                    String.valueOf(entry.id()), "version", String.valueOf(entry.version()), "do", "delete",
                    "selected", "国际合作", "action", "reject", "t0.lang", "zh", "t0.text", "改");
            Map<String, String> asVisitor = new LinkedHashMap<>(form);
            asVisitor.put("_csrf", visitorToken);
            Map<String, String> asTranslator = new LinkedHashMap<>(form);
            asTranslator.put("_csrf", translatorToken);

            // A visitor has no session (the sign-in form's token is not one), so the CSRF check refuses first.
            assertThat(visitor.post(path, asVisitor).headers().firstValue("Location").orElse(""))
                    .as(path).matches("/login.*|/expired");
            assertThat(zhao.post(path, asTranslator).headers().firstValue("Location")).as(path).hasValue("/forbidden");
        }

        assertThat(glossary.count()).isEqualTo(entries);
        assertThat(glossary.find(entry.id(), false).orElseThrow().version()).isEqualTo(entry.version());
        assertThat(server.getApplicationContext().getBean(CandidateStore.class).find("国际合作").orElseThrow()
                .row().status()).isEqualTo(CandidateStore.Status.OPEN);
    }

    @Test
    void shouldDownloadOnlyPublishedEntriesForVisitorsAsWellFormedTbxAndCsv() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");
        wang.post("/review/approve", Map.of("_csrf", WebSession.token(wang.get("/review").body()), "back", "/review",
                "term", "暴力极端主义", "english", "violent extremism"));

        String visitorTbx = new WebSession(server.getPort()).get("/glossary.tbx").body();
        String terminologistTbx = wang.get("/glossary.tbx").body();
        String csv = wang.get("/glossary.csv").body();

        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(terminologistTbx.getBytes(StandardCharsets.UTF_8)));
        assertThat(terminologistTbx).contains("暴力极端主义", "violent extremism");
        assertThat(visitorTbx).contains("type=\"TBX-Basic\"").doesNotContain("暴力极端主义");
        assertThat(csv).startsWith(org.paraterm.glossary.Csv.HEADER).contains("暴力极端主义");
    }

    @Test
    void shouldRefuseAFormPostedWithoutTheSessionsToken() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");

        HttpResponse<String> forged = wang.post("/review/reject", Map.of("back", "/review", "term", "良好做法",
                "reason", "forged"));

        assertThat(forged.headers().firstValue("Location")).hasValue("/expired");
        assertThat(server.getApplicationContext().getBean(CandidateStore.class).find("良好做法").orElseThrow()
                .row().status()).isEqualTo(CandidateStore.Status.OPEN);
    }

    private static Map<String, String> editForm(String page, Entry entry, String definitionEn) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", WebSession.token(page));
        form.put("version", String.valueOf(entry.version()));
        form.put("definitionEn", definitionEn);
        for (int i = 0; i < entry.terms().size(); i++) {
            form.put("t" + i + ".lang", entry.terms().get(i).language());
            form.put("t" + i + ".text", entry.terms().get(i).text());
            form.put("t" + i + ".type", entry.terms().get(i).type().label());
            form.put("t" + i + ".usage", entry.terms().get(i).usage().label());
        }
        return form;
    }

    private static Entry entryFor(String term) throws Exception {
        return server.getApplicationContext().getBean(GlossaryStore.class)
                .search(new GlossaryStore.Query(term, null, null, false, 1, 10)).entries().stream()
                .filter(e -> e.terms().stream().anyMatch(t -> t.text().equals(term))).findFirst().orElseThrow();
    }
}
