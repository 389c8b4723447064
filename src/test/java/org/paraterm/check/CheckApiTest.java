package org.paraterm.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;
import org.paraterm.glossary.Term;
import org.paraterm.glossary.TermType;
import org.paraterm.glossary.UsageStatus;
import org.paraterm.security.Role;
import org.paraterm.security.UserStore;
import org.paraterm.security.WebSession;

/** The text check over HTTP, against the starter glossary in a real database. */
class CheckApiTest {

    private static final long MAX_BYTES = 200_000;

    @TempDir
    static Path temp;

    private static EmbeddedServer server;
    private static GlossaryStore glossary;
    private static ObjectMapper json;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> properties = new HashMap<>(org.paraterm.TestDatabase.properties(temp));
        properties.put("micronaut.server.port", -1);
        properties.put("paraterm.security.hash-iterations", 1000);
        properties.put("paraterm.check.max-bytes", MAX_BYTES);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        glossary = server.getApplicationContext().getBean(GlossaryStore.class);
        json = server.getApplicationContext().getBean(ObjectMapper.class);
        List<Entry> starter = new ArrayList<>();
        for (Entry e : StarterGlossary.entries()) {
            starter.add(e);
        }
        glossary.createAll(starter, "starter", "starter glossary");
        server.getApplicationContext().getBean(UserStore.class)
                .create("wang", "terminologist secret", Role.TERMINOLOGIST, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldHighlightForeignTerroristFightersInARealParagraphWithExactOffsets() throws Exception {
        String paragraph = StarterGlossary.paragraphWith("外国恐怖主义作战人员");

        CheckResult result = check(paragraph, null);

        assertThat(result.scope()).isEqualTo("published");
        assertThat(result.terms()).isGreaterThanOrEqualTo(45);
        int at = paragraph.indexOf("外国恐怖主义作战人员");
        assertThat(result.matches()).anySatisfy(m -> {
            assertThat(m.start()).isEqualTo(at);
            assertThat(m.end()).isEqualTo(at + 10);
            assertThat(m.text()).isEqualTo("外国恐怖主义作战人员");
            assertThat(m.en()).isEqualTo("foreign terrorist fighters");
            assertThat(m.preferred()).isEqualTo("外国恐怖主义作战人员");
            assertThat(m.status()).isEqualTo("preferred");
        });
        for (CheckResult.Match m : result.matches()) {
            assertThat(paragraph.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        // 恐怖主义 is a term of its own, but here only a part of the longer one.
        assertThat(result.matches()).noneMatch(m -> m.text().equals("恐怖主义") && m.start() == at + 2);
        assertThat(result.flags()).noneMatch(f -> f.text().equals("外国恐怖主义作战人员"));
    }

    @Test
    void shouldFlagTheVariantWithItsPreferredFormAndEnglish() throws Exception {
        String paragraph = StarterGlossary.paragraphWith("外国恐怖主义战斗人员");

        CheckResult result = check(paragraph, null);

        int at = paragraph.indexOf("外国恐怖主义战斗人员");
        assertThat(result.flags()).anySatisfy(f -> {
            assertThat(f.start()).isEqualTo(at);
            assertThat(f.end()).isEqualTo(at + 10);
            assertThat(f.text()).isEqualTo("外国恐怖主义战斗人员");
            assertThat(f.preferred()).isEqualTo("外国恐怖主义作战人员");
            assertThat(f.en()).isEqualTo("foreign terrorist fighters");
            assertThat(f.reason()).contains("variant", "外国恐怖主义作战人员");
        });
        assertThat(result.matches()).anySatisfy(m -> {
            assertThat(m.start()).isEqualTo(at);
            assertThat(m.status()).isEqualTo("admitted");
        });
        // Admitted short forms are matched but not flagged.
        assertThat(check("安理会和安全理事会", null).flags()).isEmpty();
    }

    @Test
    void shouldFlagADeprecatedTermAddedToTheGlossaryOnTheNextCheck() throws Exception {
        String paragraph = StarterGlossary.paragraphWith("洗钱").replace("洗钱", "洗黑钱");
        assertThat(check(paragraph, null).flags()).noneMatch(f -> f.text().equals("洗黑钱"));

        Entry moneyLaundering = glossary.search(GlossaryStore.Query.published("洗钱", 1, 10)).entries().stream()
                .filter(e -> e.preferred("zh").map(Term::text).orElse("").equals("洗钱")).findFirst().orElseThrow();
        List<Term> terms = new ArrayList<>(moneyLaundering.terms());
        terms.add(new Term("zh", "洗黑钱", TermType.VARIANT, UsageStatus.DEPRECATED, "colloquial", null, null));
        glossary.update(withTerms(moneyLaundering, terms), "wang", "edit");

        CheckResult result = check(paragraph, null);

        int at = paragraph.indexOf("洗黑钱");
        assertThat(result.flags()).anySatisfy(f -> {
            assertThat(f.start()).isEqualTo(at);
            assertThat(f.end()).isEqualTo(at + 3);
            assertThat(f.preferred()).isEqualTo("洗钱");
            assertThat(f.en()).isEqualTo("money-laundering");
            assertThat(f.reason()).isEqualTo("deprecated: use 洗钱 (colloquial)");
        });
        assertThat(result.matches()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("洗黑钱");
            assertThat(m.status()).isEqualTo("deprecated");
        });
    }

    @Test
    void shouldMatchAGlossaryTermWithHalfWidthBracketsInATextWithFullWidthOnes() throws Exception {
        glossary.create(publishedEntry("安全理事会第1373(2001)号决议", "Security Council resolution 1373 (2001)"),
                "wang", "create");
        String paragraph = StarterGlossary.paragraphWith("1373(2001)号决议");
        String typed = "各国应执行安全理事会第１３７３（２００１）号决议。" + paragraph;

        CheckResult result = check(typed, null);

        assertThat(result.matches()).first().satisfies(m -> {
            assertThat(m.start()).isEqualTo(5);
            assertThat(m.end()).isEqualTo(5 + "安全理事会第1373(2001)号决议".length());
            assertThat(m.text()).isEqualTo("安全理事会第１３７３（２００１）号决议");
            assertThat(m.en()).isEqualTo("Security Council resolution 1373 (2001)");
        });
        // Not 安全理事会 alone: the longer term starts at the same place.
        assertThat(result.matches()).noneMatch(m -> m.start() == 5 && m.text().equals("安全理事会"));
    }

    @Test
    void shouldCheckAgainstApprovedUnpublishedEntriesOnlyForTerminologists() throws Exception {
        Entry unpublished = publishedEntry("回返的外国恐怖主义作战人员", "returning foreign terrorist fighters");
        glossary.create(new Entry(0, null, null, null, null, EntryStatus.APPROVED, null, false, unpublished.terms(),
                List.of(), null, null, null, null, 0), "wang", "create");
        String text = "会员国应处理回返的外国恐怖主义作战人员问题。";

        CheckResult visitor = check(text, null);
        CheckResult terminologist = check(text, "wang:terminologist secret");

        assertThat(visitor.scope()).isEqualTo("published");
        assertThat(visitor.matches()).extracting(CheckResult.Match::text).containsExactly("会员国", "外国恐怖主义作战人员");
        assertThat(terminologist.scope()).isEqualTo("approved");
        assertThat(terminologist.matches()).extracting(CheckResult.Match::text)
                .containsExactly("会员国", "回返的外国恐怖主义作战人员");
    }

    @Test
    void shouldSuggestRepeatedStringsThatTheGlossaryLacksButNotItsTermsOrTheirFragments() throws Exception {
        String document = StarterGlossary.read(StarterGlossary.CORPUS.resolve("000_feb26cac1e66415a.txt")).text();

        CheckResult result = check(document, null);

        assertThat(result.candidates()).isNotEmpty();
        List<String> glossaryTerms = result.matches().stream().map(CheckResult.Match::text).distinct().toList();
        for (CheckResult.Candidate candidate : result.candidates()) {
            assertThat(glossaryTerms).doesNotContain(candidate.term());
            assertThat(candidate.frequency()).isGreaterThanOrEqualTo(2);
            assertThat(document.substring(candidate.start(), candidate.start() + candidate.term().length()))
                    .isEqualTo(candidate.term());
        }
        assertThat(result.candidates()).extracting(CheckResult.Candidate::term)
                .doesNotContain("国际刑警组织", "恐怖主义作战人员", "外国恐怖主义");
    }

    @Test
    void shouldNotOfferAnOrdinaryTwoCharacterWordSeenTwiceAsANewTerm() throws Exception {
        String sentence = "应成员国请求协助它们执行《联合国全球反恐战略》，包括通过分享关于外国恐怖主义战斗人员"
                + "(包括回返或重新安置人员)以及改进边境安全的信息，并在这方面表示赞赏地注意到联合国反恐怖主义中心-国际刑警组织开展的联合项目。";

        assertThat(check(sentence, null).candidates()).extracting(CheckResult.Candidate::term).doesNotContain("联合");
    }

    @Test
    void shouldAnswerClearJsonErrorsWithoutInternals() throws Exception {
        HttpResponse<String> missing = post("{\"txt\": \"外国恐怖主义作战人员\"}", "application/json", null);
        HttpResponse<String> notJson = post("外国恐怖主义作战人员", "application/json", null);
        HttpResponse<String> empty = post("", "application/json", null);
        HttpResponse<String> wrongType = post("{\"text\": [1, 2]}", "application/json", null);
        HttpResponse<String> tooLarge = post(json.writeValueAsString(Map.of("text", "恐".repeat(70_000))),
                "application/json", null);

        // Beyond the server's own request limit (10 MiB) the server refuses before the check runs.
        HttpResponse<String> huge = post("{\"text\": \"" + "恐".repeat(4_000_000) + "\"}", "application/json", null);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(error(missing)).isEqualTo("text: missing; send {\"text\": \"…\"}");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(error(notJson)).startsWith("the body is not a JSON object");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(error(tooLarge)).startsWith("the text is too large to check: 205 KB; the limit is 195 KB");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(error(huge)).isEqualTo("the request is too large to check; the limit for a text is 195 KB");
        for (HttpResponse<String> response : List.of(missing, notJson, empty, wrongType, tooLarge, huge)) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(response.body()).doesNotContain("Exception", "at org.", "at io.", "micronaut");
        }
    }

    @Test
    void shouldCheckWithoutASessionOrCsrfTokenAndRejectNothingElse() throws Exception {
        HttpResponse<String> response = post("{\"text\": \"偷运移民\"}", "application/json", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        // Other POSTs without a token are still refused.
        WebSession visitor = new WebSession(server.getPort());
        assertThat(visitor.send(HttpRequest.newBuilder(visitor.uri("/api/review/reject"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"term\": \"偷运移民\"}"))).statusCode()).isEqualTo(403);
    }

    // --- the page ------------------------------------------------------------------------------

    @Test
    void shouldShowTheCheckedTextWithEnglishRenderingsAndTheFormsToChange() throws Exception {
        String paragraph = StarterGlossary.paragraphWith("外国恐怖主义战斗人员");

        HttpResponse<String> page = postPage(Map.of("text", paragraph), null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("术语检查 Text check", "需修改 Forms to change",
                ">外国恐怖主义战斗人员</a><span class=\"gloss\" lang=\"en\">foreign terrorist fighters</span>",
                "→ 外国恐怖主义作战人员", "variant: the preferred term is 外国恐怖主义作战人员");
    }

    @Test
    void shouldEscapeMarkupInThePastedText() throws Exception {
        String pasted = "<script>alert('x')</script><b>偷运移民</b>";

        String page = postPage(Map.of("text", pasted), null, null).body();

        assertThat(page).doesNotContain("<script>alert", "<b>偷运移民")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;",
                        ">偷运移民</a><span class=\"gloss\" lang=\"en\">smuggling of migrants</span>");
    }

    @Test
    void shouldCheckAnUploadedTextFileInGb18030() throws Exception {
        String paragraph = StarterGlossary.paragraphWith("外国恐怖主义作战人员");
        byte[] file = paragraph.getBytes(Charset.forName("GB18030"));

        HttpResponse<String> page = postPage(Map.of("text", ""), "draft.txt", file);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("(draft.txt)",
                ">外国恐怖主义作战人员</a><span class=\"gloss\" lang=\"en\">foreign terrorist fighters</span>");
    }

    @Test
    void shouldCheckAnUploadedWordDocument() throws Exception {
        byte[] docx = Docx.of(StarterGlossary.paragraphWith("外国恐怖主义战斗人员"), "第二段：偷运移民。");

        HttpResponse<String> page = postPage(Map.of(), "draft.docx", docx);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("(draft.docx)", "→ 外国恐怖主义作战人员",
                ">偷运移民</a><span class=\"gloss\" lang=\"en\">smuggling of migrants</span>");
    }

    @Test
    void shouldRefuseAZipBombUploadWithA413WithoutInflatingIt() throws Exception {
        // 128 MB of zeros before word/document.xml in a file of 128 KB, within this server's limit of
        // 195 KB for a file; DocxTextTest shows that none of it is inflated.
        byte[] bomb = Docx.bombBeforeTheDocument(128, StarterGlossary.paragraphWith("外国恐怖主义作战人员"));

        HttpResponse<String> page = postPage(Map.of(), "bomb.docx", bomb);

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("bomb.docx: the .docx file is too large: its parts inflate to 128.0 MB, and"
                + " the check takes files that inflate to at most 7.6 MB").doesNotContain("Exception");
    }

    @Test
    void shouldSayWhyAnUploadIsRefused() throws Exception {
        HttpResponse<String> binary = postPage(Map.of(), "draft.docx", "PK\u0003\u0004garbage".getBytes(
                StandardCharsets.ISO_8859_1));
        HttpResponse<String> nothing = postPage(Map.of("text", "  "), null, null);

        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(binary.body()).contains("draft.docx: the file is not a Word document (.docx)");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Paste a text or choose a file");
    }

    @Test
    void shouldKeepThePageOfALongTextUnder200KilobytesWithCountsForTheWholeText() throws Exception {
        String document = StarterGlossary.read(StarterGlossary.CORPUS.resolve("000_feb26cac1e66415a.txt")).text();
        StringBuilder text = new StringBuilder();
        while (TextCheck.utf8Length(text.toString()) < 180_000) {
            text.append(document).append('\n');
        }
        CheckResult all = check(text.toString(), null);

        HttpResponse<String> page = postPage(Map.of("text", text.toString()), null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(200_000);
        assertThat(page.body()).contains("Only the first ", " of " + text.length() + " characters are shown here",
                ">" + all.matches().size() + " 处术语 terms found<");
    }

    @Test
    void shouldCheckATerminologistsPageAgainstApprovedEntriesWithTheFormToken() throws Exception {
        WebSession wang = new WebSession(server.getPort());
        wang.signIn("wang", "terminologist secret");

        String form = wang.get("/check").body();

        assertThat(form).contains("对照所有已批准的词条", "name=\"_csrf\" value=\"");
        assertThat(WebSession.token(form)).isNotBlank();
    }

    // --- helpers -------------------------------------------------------------------------------

    private static CheckResult check(String text, String basic) throws Exception {
        HttpResponse<String> response = post(json.writeValueAsString(Map.of("text", text)), "application/json", basic);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), CheckResult.class);
    }

    private static HttpResponse<String> post(String body, String type, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort()
                        + "/api/check")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (basic != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return (String) json.readValue(response.body(), Map.class).get("error");
    }

    /** Posts the page's form as a browser does: multipart, with the text and (maybe) a file. */
    static HttpResponse<String> postPage(Map<String, String> fields, String fileName, byte[] file) throws Exception {
        String boundary = "----paraterm" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + (fileName == null ? "" : fileName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file == null ? new byte[0] : file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/check"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Entry publishedEntry(String zh, String en) {
        return new Entry(0, null, null, null, null, EntryStatus.APPROVED, null, true,
                List.of(Term.of("zh", zh, TermType.FULL_FORM, UsageStatus.PREFERRED),
                        Term.of("en", en, TermType.FULL_FORM, UsageStatus.PREFERRED)),
                List.of(), null, null, null, null, 0);
    }

    private static Entry withTerms(Entry e, List<Term> terms) {
        return new Entry(e.id(), e.subject(), e.definitionZh(), e.definitionEn(), e.note(), e.status(),
                e.rejectionReason(), e.published(), terms, e.evidence(), e.createdBy(), e.createdAt(), e.modifiedBy(),
                e.modifiedAt(), e.version());
    }
}
