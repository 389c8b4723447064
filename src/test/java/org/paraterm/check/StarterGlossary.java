package org.paraterm.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.DocumentReader;
import org.paraterm.corpus.Paragraph;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.Tbx;

/** The starter glossary and cleaned paragraphs of the bundled corpus, for the check's tests. */
final class StarterGlossary {

    static final Path CORPUS = Path.of("glossary", "corpus", "un-zh");

    private StarterGlossary() {
    }

    /** The 45 starter entries, numbered 1… as a fresh database would number them. */
    static List<Entry> entries() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("glossary", "starter.tbx"))) {
            List<Entry> read = Tbx.read(in, "starter.tbx", EntryStatus.APPROVED, true);
            List<Entry> numbered = new ArrayList<>();
            for (Entry e : read) {
                numbered.add(new Entry(numbered.size() + 1, e.subject(), e.definitionZh(), e.definitionEn(), e.note(),
                        e.status(), e.rejectionReason(), e.published(), e.terms(), e.evidence(), e.createdBy(),
                        e.createdAt(), e.modifiedBy(), e.modifiedAt(), e.version()));
            }
            return numbered;
        }
    }

    /** The first cleaned paragraph of the bundled corpus that contains a string. */
    static String paragraphWith(String wanted) throws Exception {
        try (var files = Files.list(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                CleanDocument document = read(file);
                for (Paragraph paragraph : document.paragraphs()) {
                    if (paragraph.text().contains(wanted)) {
                        return paragraph.text();
                    }
                }
            }
        }
        throw new AssertionError("no paragraph of the corpus contains " + wanted);
    }

    static CleanDocument read(Path file) throws Exception {
        return new DocumentReader().read(file.getFileName().toString(), readBytes(file));
    }

    private static byte[] readBytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
