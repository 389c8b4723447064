package org.paraterm.check;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Locale;
import org.paraterm.corpus.TextDecoder;
import org.paraterm.corpus.UnreadableDocumentException;

/**
 * Checking a text against the glossary: the entry point for the page, the API and the benchmark.
 * Limits come from the configuration: {@code paraterm.check.max-bytes} (the largest text, in UTF-8
 * bytes, default 2 MiB), {@code paraterm.check.suggestions} (how many possible new terms, default
 * 20) and {@code paraterm.check.suggest-chars} (how many of a text's first characters are mined
 * for them, default 50,000: mining costs several times more than matching).
 */
@Singleton
public class TextCheck {

    /** A text that cannot be checked, with a reason for the person who sent it. */
    public static final class Refused extends Exception {
        private final boolean tooLarge;

        Refused(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        /** Whether the text was refused for its size (HTTP 413) rather than its form (400). */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private final TermIndexCache indexes;
    private final TextChecker checker;
    private final long maxBytes;

    public TextCheck(TermIndexCache indexes,
                     @Value("${paraterm.check.max-bytes:2097152}") long maxBytes,
                     @Value("${paraterm.check.suggestions:20}") int suggestions,
                     @Value("${paraterm.check.suggest-chars:50000}") int suggestChars) {
        this.indexes = indexes;
        this.maxBytes = maxBytes;
        this.checker = new TextChecker(new NewTermFinder(suggestions, suggestChars));
    }

    public CheckResult check(String text, Scope scope) throws SQLException, Refused {
        refuseIfTooLarge(utf8Length(text));
        return checker.check(text, indexes.index(scope), scope);
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Refuses a text (or a request carrying one) of more than the configured bytes. */
    public void refuseIfTooLarge(long bytes) throws Refused {
        if (bytes > maxBytes) {
            throw new Refused(String.format(Locale.ROOT, "the text is too large to check: %s; the limit is %s",
                    size(bytes), size(maxBytes)), true);
        }
    }

    /**
     * The text of an uploaded file: a .docx file's paragraphs, or a plain-text file in UTF-8,
     * GB18030 or UTF-16 (as the corpus reader decodes them).
     */
    public String read(String fileName, byte[] bytes) throws Refused {
        String name = fileName == null ? "" : fileName;
        refuseIfTooLarge(bytes.length);
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (zip || name.toLowerCase(Locale.ROOT).endsWith(".docx")) {
            try {
                // Word's XML is markup around the text; twenty times the text limit is generous.
                String text = DocxText.read(bytes, 20 * maxBytes);
                refuseIfTooLarge(utf8Length(text));
                if (text.isBlank()) {
                    throw new Refused(name + ": the document has no text", false);
                }
                return text;
            } catch (DocxText.UnreadableDocx e) {
                throw new Refused(name + ": " + e.getMessage(), e instanceof DocxText.TooLargeDocx);
            }
        }
        try {
            return TextDecoder.decode(name, bytes);
        } catch (UnreadableDocumentException e) {
            throw new Refused(e.getMessage(), false);
        }
    }

    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static String size(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
        }
        return String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
    }
}
