package org.paraterm.english;

/**
 * A text that does not read as the language it claims, for example an English file of a parallel
 * pair that holds Chinese. The message names the source, the claimed and the detected language.
 */
public class LanguageMismatchException extends Exception {

    private final String source;
    private final String claimed;
    private final String detected;

    public LanguageMismatchException(String source, String claimed, String detected, String message) {
        super(message);
        this.source = source;
        this.claimed = claimed;
        this.detected = detected;
    }

    /** The file or text name given to {@link LanguageGuard#check}. */
    public String source() {
        return source;
    }

    /** The claimed language as an ISO 639-3 code ({@code eng}, {@code cmn}). */
    public String claimed() {
        return claimed;
    }

    /** The language the text reads as, ISO 639-3 ({@code cmn} for Mandarin Chinese). */
    public String detected() {
        return detected;
    }
}
