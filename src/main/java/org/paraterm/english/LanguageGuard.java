package org.paraterm.english;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * Refuses a text that is not in the language it claims: the English side of a parallel pair that
 * holds Chinese, Chinese that is really English or French, the two sides swapped.
 *
 * <p>Two tests, in this order. First the share of Han characters among the letters (Han plus
 * Latin), which is decisive and cheap: UN Chinese is nearly all Han with Latin symbols and numbers
 * here and there (document symbols, {@code UNODC}, URLs), UN English has no Han at all except a
 * rare name. Then, for a text with enough Latin letters, OpenNLP's language detector (the
 * 103-language {@code langdetect-183} model, which knows Mandarin as {@code cmn}) over a few
 * samples taken from the beginning, middle and end of the text, so one odd passage (a list of names,
 * a quotation) does not decide, and a whole file is never pushed through the model.
 *
 * <p>Short texts decide on the Han ratio alone: the detector is unreliable under about a hundred
 * letters (a 20-letter heading like "Sixty-ninth session" can come out as anything). Thread-safe;
 * one shared instance ({@link #shared()}) loads the 10 MB model on first use.
 */
public final class LanguageGuard {

    private static final String MODEL = "/langdetect-183.bin";

    /** Fewer letters than this: the statistical detector is not asked. */
    static final int MIN_LETTERS_FOR_DETECTOR = 100;
    /** Characters in one sample given to the detector. */
    static final int SAMPLE_LENGTH = 600;
    /** How many samples, spread over the text. */
    static final int SAMPLES = 5;
    /** Chinese claimed: at least this share of the letters must be Han. */
    static final double MIN_HAN_FOR_CHINESE = 0.5;
    /**
     * A sample votes only when the detector's first language is at least this many times as
     * likely as its second: over 103 languages its probabilities are spread thin (a plain English
     * line of the UN corpus gets 0.5 to 0.9, French prose 0.3), so a ratio says more than a level.
     */
    static final double MIN_LEAD = 2.0;

    private static final Map<String, String> NAMES = Map.of(
            "eng", "English", "cmn", "Chinese", "fra", "French", "spa", "Spanish",
            "rus", "Russian", "ara", "Arabic", "deu", "German", "por", "Portuguese");

    private final ThreadSafeLanguageDetectorME detector;

    private LanguageGuard() {
        try {
            detector = new ThreadSafeLanguageDetectorME(new LanguageDetectorModel(EnglishAnalyzer.open(MODEL)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenNLP language detection model", e);
        }
    }

    private static final class Holder {
        static final LanguageGuard INSTANCE = new LanguageGuard();
    }

    /** The process's guard, its model loaded on the first call. */
    public static LanguageGuard shared() {
        return Holder.INSTANCE;
    }

    /**
     * Passes when {@code text} reads as {@code claimedLanguage}; an empty or letter-less text passes.
     *
     * @param claimedLanguage {@code en}/{@code eng}/{@code english} or {@code zh}/{@code cmn}/{@code chinese}
     * @param text            the text, or a large part of it
     * @param source          what to name in the message, usually the file name
     * @throws LanguageMismatchException "FILE: the text claims to be English but reads as Chinese (cmn)"
     * @throws IllegalArgumentException for a claimed language other than English or Chinese
     */
    public void check(String claimedLanguage, String text, String source) throws LanguageMismatchException {
        String claimed = code(claimedLanguage);
        String detected = detect(text);
        if (detected != null && !detected.equals(claimed)) {
            throw new LanguageMismatchException(source, claimed, detected, source + ": the text claims to be "
                    + name(claimed) + " but reads as " + name(detected) + " (" + detected + ")");
        }
    }

    /**
     * The language {@code text} reads as (ISO 639-3: {@code eng}, {@code cmn}, {@code fra}, …), or
     * null when it cannot tell (no letters; too few Latin letters for the detector and no clear Han
     * majority or minority).
     */
    public String detect(String text) {
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            } else if (Character.isLetter(c)) {
                latin++;
            }
        }
        int letters = han + latin;
        if (letters == 0) {
            return null;
        }
        double hanShare = (double) han / letters;
        if (hanShare >= MIN_HAN_FOR_CHINESE) {
            return "cmn";
        }
        if (latin < MIN_LETTERS_FOR_DETECTOR) {
            // too short for the detector, and a Han minority in a short text is as likely a Chinese
            // name in English as Latin symbols in Chinese: no verdict
            return null;
        }
        return vote(text);
    }

    /** The detector's majority language over samples of {@code text}, or null when no vote is sure. */
    private String vote(String text) {
        Map<String, Double> votes = new HashMap<>();
        for (String sample : samples(text)) {
            Language[] ranked = detector.predictLanguages(sample);
            if (ranked.length == 0) {
                continue;
            }
            double second = ranked.length > 1 ? ranked[1].getConfidence() : 0;
            if (ranked[0].getConfidence() >= MIN_LEAD * second) {
                votes.merge(ranked[0].getLang(), ranked[0].getConfidence(), Double::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Up to {@link #SAMPLES} pieces of the text, evenly spread, cut at spaces. */
    static List<String> samples(String text) {
        List<String> samples = new ArrayList<>();
        if (text.length() <= SAMPLE_LENGTH * SAMPLES) {
            for (int start = 0; start < text.length(); start += SAMPLE_LENGTH) {
                samples.add(text.substring(start, Math.min(text.length(), start + SAMPLE_LENGTH)));
            }
            return merged(samples);
        }
        long step = (text.length() - SAMPLE_LENGTH) / (SAMPLES - 1);
        for (int i = 0; i < SAMPLES; i++) {
            int start = (int) (i * step);
            int space = text.indexOf(' ', start);
            if (space >= 0 && space - start < 50) {
                start = space + 1;
            }
            samples.add(text.substring(start, Math.min(text.length(), start + SAMPLE_LENGTH)));
        }
        return samples;
    }

    /** A short last piece is added to the one before it rather than judged alone. */
    private static List<String> merged(List<String> pieces) {
        if (pieces.size() > 1 && pieces.get(pieces.size() - 1).length() < SAMPLE_LENGTH / 3) {
            String last = pieces.remove(pieces.size() - 1);
            pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + last);
        }
        return pieces;
    }

    static String code(String language) {
        return switch (language.strip().toLowerCase(Locale.ROOT)) {
            case "en", "eng", "english" -> "eng";
            case "zh", "cmn", "zho", "chi", "chinese" -> "cmn";
            default -> throw new IllegalArgumentException(
                    "only English (en) and Chinese (zh) texts can be checked, not '" + language + "'");
        };
    }

    static String name(String code) {
        String name = NAMES.get(code);
        if (name != null) {
            return name;
        }
        String display = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return display.isEmpty() || display.equals(code) ? "another language" : display;
    }
}
