package org.paraterm.parallel;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.paraterm.corpus.TextDecoder;
import org.paraterm.corpus.UnreadableDocumentException;
import org.paraterm.english.LanguageGuard;
import org.paraterm.english.LanguageMismatchException;
import org.paraterm.glossary.Entry;
import org.paraterm.glossary.EntryStatus;
import org.paraterm.glossary.GlossaryStore;

/**
 * A document pair {@code NAME.zh.txt} + {@code NAME.en.txt} as aligned units: both sides decoded
 * and checked by the language guard, then cleaned, split and aligned by the
 * {@link DocumentPairAligner}.
 *
 * <p>The aligner is given the term pairs of the approved glossary entries as its dictionary (a
 * sentence pair holding a Chinese term and one of its English terms is more likely a link), as
 * issue 7 asks. The units of an import can therefore differ with the glossary of the day; a source
 * that hashes the same is never aligned again, so a stored source does not change behind anyone's
 * back.
 */
@Singleton
public class DocumentPairReader {

    /** Entries read per query while building the dictionary. */
    private static final int PAGE = 500;

    private final DocumentPairAligner aligner = new DocumentPairAligner();
    private final GlossaryStore glossary;

    public DocumentPairReader(GlossaryStore glossary) {
        this.glossary = glossary;
    }

    public List<ParallelUnit> read(String source, Path zhFile, Path enFile)
            throws IOException, ParallelFormatException, LanguageMismatchException, SQLException {
        byte[] zhBytes = Files.readAllBytes(zhFile);
        byte[] enBytes = Files.readAllBytes(enFile);
        LanguageGuard.shared().check("zh", decode(zhFile, zhBytes), zhFile.getFileName().toString());
        LanguageGuard.shared().check("en", decode(enFile, enBytes), enFile.getFileName().toString());
        List<ParallelUnit> units;
        try {
            units = aligner.align(source, zhBytes, enBytes, dictionary());
        } catch (UnreadableDocumentException e) {
            // decoding passed above, so this is the reader refusing what it found inside
            throw new ParallelFormatException(zhFile, 0, problem(e));
        }
        if (units.isEmpty()) {
            throw new ParallelFormatException(zhFile, 0, "the documents hold no sentences to align");
        }
        return units;
    }

    /** The term pairs of every approved entry. */
    AlignmentDictionary dictionary() throws SQLException {
        List<Entry> approved = new ArrayList<>();
        for (int page = 1; ; page++) {
            GlossaryStore.Page found = glossary.search(new GlossaryStore.Query(null, EntryStatus.APPROVED, null, false,
                    page, PAGE));
            approved.addAll(found.entries());
            if (found.entries().isEmpty() || approved.size() >= found.total()) {
                return AlignmentDictionary.fromEntries(approved);
            }
        }
    }

    private static String decode(Path file, byte[] bytes) throws ParallelFormatException {
        try {
            return TextDecoder.decode(file.getFileName().toString(), bytes);
        } catch (UnreadableDocumentException e) {
            throw new ParallelFormatException(file, 0, problem(e));
        }
    }

    /** The reader's message without its leading "NAME: ". */
    private static String problem(UnreadableDocumentException e) {
        String message = e.getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
