package org.paraterm.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries in a real database: versions, history, restoring, locking, deletion, comments. */
class GlossaryStoreTest {

    @TempDir
    static Path temp;

    private static ApplicationContext context;
    private static GlossaryStore store;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(org.paraterm.TestDatabase.properties(temp));
        store = context.getBean(GlossaryStore.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static Entry fighters() {
        return new Entry(0, "counter-terrorism", null, null, null, EntryStatus.IN_REVIEW, null, false,
                List.of(Term.of("zh", "外国恐怖主义作战人员", TermType.FULL_FORM, UsageStatus.PREFERRED),
                        Term.of("zh", "外国恐怖主义战斗人员", TermType.VARIANT, UsageStatus.ADMITTED),
                        Term.of("en", "foreign terrorist fighters", TermType.FULL_FORM, UsageStatus.PREFERRED)),
                List.of(new Evidence(null, "S/2020/754", "5.", "回返的外国恐怖主义作战人员参与有组织犯罪活动。")),
                null, null, null, null, 0);
    }

    @Test
    void shouldSaveAnEntryWithItsTermsAndEvidenceAsVersionOne() throws Exception {
        Entry saved = store.create(fighters(), "wang", "create");

        Entry read = store.find(saved.id(), false).orElseThrow();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.preferred("en").orElseThrow().text()).isEqualTo("foreign terrorist fighters");
        assertThat(read.terms("zh")).extracting(Term::text).containsExactly("外国恐怖主义作战人员", "外国恐怖主义战斗人员");
        assertThat(read.evidence()).extracting(Evidence::symbol).containsExactly("S/2020/754");
        assertThat(read.createdBy()).isEqualTo("wang");
    }

    @Test
    void shouldRefuseASaveBasedOnAnOlderVersionAndShowTheOtherChange() throws Exception {
        Entry saved = store.create(fighters(), "wang", "create");
        Entry mine = withDefinition(saved, "出于恐怖目的前往他国的人。");
        Entry theirs = withDefinition(saved, "前往居住国或国籍国以外国家的个人。");

        store.update(theirs, "li", "edit");

        assertThatThrownBy(() -> store.update(mine, "wang", "edit"))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("li")
                .satisfies(e -> {
                    ConcurrentEditException conflict = (ConcurrentEditException) e;
                    assertThat(conflict.current().definitionZh()).isEqualTo("前往居住国或国籍国以外国家的个人。");
                    assertThat(conflict.since()).hasSize(1);
                    assertThat(conflict.since().get(0).changes()).extracting(GlossaryStore.Change::field)
                            .contains("definition (zh)");
                });
        assertThat(store.find(saved.id(), false).orElseThrow().definitionZh()).isEqualTo("前往居住国或国籍国以外国家的个人。");
    }

    @Test
    void shouldKeepEveryChangeInTheHistoryAndRestoreAnEarlierVersion() throws Exception {
        Entry saved = store.create(fighters(), "wang", "create");
        Entry edited = store.update(withDefinition(saved, "第一稿"), "li", "edit");
        List<Term> fewer = new ArrayList<>(edited.terms());
        fewer.remove(1);
        Entry trimmed = store.update(withTerms(edited, fewer), "li", "edit");

        List<GlossaryStore.Version> history = store.history(saved.id());
        assertThat(history).extracting(GlossaryStore.Version::version).containsExactly(3, 2, 1);
        assertThat(history.get(0).changes()).extracting(GlossaryStore.Change::field).containsExactly("terms");
        assertThat(history.get(0).changes().get(0).oldValue()).contains("外国恐怖主义战斗人员");
        assertThat(history.get(1).changes()).extracting(GlossaryStore.Change::field, GlossaryStore.Change::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("definition (zh)", "第一稿"));

        Entry restored = store.restore(saved.id(), 1, trimmed.version(), "wang");

        assertThat(restored.version()).isEqualTo(4);
        assertThat(restored.definitionZh()).isNull();
        assertThat(restored.terms()).extracting(Term::text).contains("外国恐怖主义战斗人员");
        assertThat(store.history(saved.id()).get(0).action()).isEqualTo("restore version 1");
    }

    @Test
    void shouldHideADeletedEntryAndReviveIt() throws Exception {
        Entry saved = store.create(fighters(), "wang", "create");

        Entry deleted = store.setDeleted(saved.id(), 1, true, "wang");
        assertThat(store.find(saved.id(), false)).isEmpty();
        assertThat(store.search(new GlossaryStore.Query("外国恐怖主义", null, null, false, 1, 100)).entries())
                .extracting(Entry::id).doesNotContain(saved.id());

        store.setDeleted(saved.id(), deleted.version(), false, "li");
        assertThat(store.find(saved.id(), false)).isPresent();
    }

    @Test
    void shouldFindExistingEntriesWithTheSameOrANearlyIdenticalTerm() throws Exception {
        Entry saved = store.create(fighters(), "wang", "create");

        assertThat(store.similar("外国恐怖主义战斗人员", 10)).extracting(Entry::id).contains(saved.id());
        assertThat(store.similar("外国恐怖主义作战员额", 10)).extracting(Entry::id).contains(saved.id());
        assertThat(store.similar("偷运移民", 10)).extracting(Entry::id).doesNotContain(saved.id());
    }

    @Test
    void shouldKeepACommentThreadPerEntry() throws Exception {
        Entry saved = store.create(fighters(), "wang", "create");

        store.comment(saved.id(), "zhao", "“战斗人员”还能用吗？");
        store.comment(saved.id(), "wang", "可以，但请优先用“作战人员”。");

        assertThat(store.comments(saved.id())).extracting(GlossaryStore.Comment::author).containsExactly("zhao", "wang");
    }

    private static Entry withDefinition(Entry entry, String definition) {
        return new Entry(entry.id(), entry.subject(), definition, entry.definitionEn(), entry.note(), entry.status(),
                entry.rejectionReason(), entry.published(), entry.terms(), entry.evidence(), entry.createdBy(),
                entry.createdAt(), entry.modifiedBy(), entry.modifiedAt(), entry.version());
    }

    private static Entry withTerms(Entry entry, List<Term> terms) {
        return new Entry(entry.id(), entry.subject(), entry.definitionZh(), entry.definitionEn(), entry.note(),
                entry.status(), entry.rejectionReason(), entry.published(), terms, entry.evidence(), entry.createdBy(),
                entry.createdAt(), entry.modifiedBy(), entry.modifiedAt(), entry.version());
    }
}
