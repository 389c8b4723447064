package org.paraterm.parallel;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.paraterm.corpus.TextDecoder;
import org.paraterm.corpus.UnreadableDocumentException;
import org.paraterm.english.LanguageGuard;
import org.paraterm.english.LanguageMismatchException;

/**
 * A document pair {@code NAME.zh.txt} + {@code NAME.en.txt} as aligned units: both sides decoded
 * and checked by the language guard, then cleaned, split and aligned by the
 * {@link DocumentPairAligner}.
 *
 * <p>The aligner is given an empty dictionary: the approved glossary pairs refine an alignment, but
 * an import should not give different units depending on the state of the glossary the day it
 * ran, and a source that hashes the same is never aligned again anyway.
 */
@Singleton
public class DocumentPairReader {

    private final DocumentPairAligner aligner = new DocumentPairAligner();

    public List<ParallelUnit> read(String source, Path zhFile, Path enFile)
            throws IOException, ParallelFormatException, LanguageMismatchException {
        byte[] zhBytes = Files.readAllBytes(zhFile);
        byte[] enBytes = Files.readAllBytes(enFile);
        LanguageGuard.shared().check("zh", decode(zhFile, zhBytes), zhFile.getFileName().toString());
        LanguageGuard.shared().check("en", decode(enFile, enBytes), enFile.getFileName().toString());
        List<ParallelUnit> units;
        try {
            units = aligner.align(source, zhBytes, enBytes, AlignmentDictionary.empty());
        } catch (UnreadableDocumentException e) {
            // decoding passed above, so this is the reader refusing what it found inside
            throw new ParallelFormatException(zhFile, 0, problem(e));
        }
        if (units.isEmpty()) {
            throw new ParallelFormatException(zhFile, 0, "the documents hold no sentences to align");
        }
        return units;
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
