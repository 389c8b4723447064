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
 * and checked by the language guard before the sentence aligner sees them.
 */
@Singleton
public class DocumentPairReader {

    public List<ParallelUnit> read(String source, Path zhFile, Path enFile)
            throws IOException, ParallelFormatException, LanguageMismatchException {
        byte[] zhBytes = Files.readAllBytes(zhFile);
        byte[] enBytes = Files.readAllBytes(enFile);
        LanguageGuard.shared().check("zh", decode(zhFile, zhBytes), zhFile.getFileName().toString());
        LanguageGuard.shared().check("en", decode(enFile, enBytes), enFile.getFileName().toString());
        // the sentence aligner (issue 7, item 2) is not in this build yet
        throw new ParallelFormatException(zhFile, 0, "document pairs cannot be aligned by this version of paraterm;"
                + " load them as line pairs (NAME.zh + NAME.en) or TMX");
    }

    private static String decode(Path file, byte[] bytes) throws ParallelFormatException {
        try {
            return TextDecoder.decode(file.getFileName().toString(), bytes);
        } catch (UnreadableDocumentException e) {
            String message = e.getMessage();
            throw new ParallelFormatException(file, 0, message.substring(message.indexOf(": ") + 2));
        }
    }
}
