package org.paraterm.corpus;

import java.nio.charset.Charset;
import java.util.BitSet;

/**
 * Whether a text decoded with a guessed encoding reads as Chinese or English, or as the mojibake of
 * a file in another encoding. GB18030 assigns a character to almost every pair of bytes, so a file
 * in Latin-1, windows-1252, Shift-JIS or EUC-KR often decodes without a single error, and only what
 * comes out tells: Latin-1 French turns every accented letter and the letter after it into one rare
 * character ("Résolution adoptée" → "R閟olution adopt閑"), Shift-JIS into rare characters and
 * symbols, Big5 into kana, box drawing and rare characters. Two measures, each about a class of
 * characters rather than any text:
 *
 * <ol>
 *   <li>The characters beyond ASCII. In Chinese they are hanzi, nearly all among the 3,755 of
 *       GB2312's first level (the common ones), and full-width punctuation; in English, accented
 *       Latin letters, quotes and dashes. Hanzi outside GB2312, kana, Hangul, bopomofo, box
 *       drawing, squared symbols and private use are <em>out of place</em>: when they make up more
 *       than {@value #MAX_OUT_OF_PLACE} of those characters, the text is not Chinese or English.
 *       GB2312's second level and other scripts (Greek, Cyrillic) count on neither side.</li>
 *   <li>How the hanzi are set. Chinese writes no spaces between words and ends its clauses with
 *       full-width punctuation. EUC-KR's Hangul syllables decode as common hanzi, but set as Korean
 *       is: words of a few characters between spaces, followed by ASCII full stops and commas. A text
 *       where more than {@value #MAX_SPACED_HAN} of the hanzi are followed by a space and another
 *       hanzi and most punctuation after a hanzi is ASCII is not Chinese. (Chinese spaced out by a
 *       PDF tool keeps its full-width punctuation and passes.)</li>
 * </ol>
 */
final class DecodingPlausibility {

    static final double MAX_OUT_OF_PLACE = 0.25;
    static final double MAX_SPACED_HAN = 0.1;
    /** Below this many hanzi the way they are set says too little. */
    static final int MIN_HAN_FOR_SETTING = 20;

    private static final BitSet COMMON_HANZI = new BitSet(0x10000);
    private static final BitSet LESS_COMMON_HANZI = new BitSet(0x10000);

    static {
        // GB2312's rows 16–55 are its first level (sorted by reading), rows 56–87 its second; a
        // code's first byte is 0xA0 plus the row. Every GB2312 code means the same in GB18030.
        Charset gb18030 = Charset.forName("GB18030");
        for (int lead = 0xB0; lead <= 0xF7; lead++) {
            for (int trail = 0xA1; trail <= 0xFE; trail++) {
                String decoded = new String(new byte[] {(byte) lead, (byte) trail}, gb18030);
                char c = decoded.charAt(0);
                if (decoded.length() == 1 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    (lead <= 0xD7 ? COMMON_HANZI : LESS_COMMON_HANZI).set(c);
                }
            }
        }
    }

    private DecodingPlausibility() {
    }

    /** Why {@code text} does not read as Chinese or English, or null when it does. */
    static String problem(String text) {
        int beyondAscii = 0;
        int outOfPlace = 0;
        int firstOutOfPlace = -1;
        int han = 0;
        int spacedHan = 0;
        int asciiPunctuationAfterHan = 0;
        int fullWidthPunctuationAfterHan = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c >= 0x80) {
                beyondAscii++;
                if (isOutOfPlace(c)) {
                    outOfPlace++;
                    firstOutOfPlace = firstOutOfPlace < 0 ? i : firstOutOfPlace;
                }
            }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && next < text.length()) {
                han++;
                char after = text.charAt(next);
                if (after == ' ' && next + 1 < text.length()
                        && Character.UnicodeScript.of(text.codePointAt(next + 1)) == Character.UnicodeScript.HAN) {
                    spacedHan++;
                } else if (".,;:?!".indexOf(after) >= 0) {
                    asciiPunctuationAfterHan++;
                } else if ("。，；：？！、".indexOf(after) >= 0) {
                    fullWidthPunctuationAfterHan++;
                }
            }
            i = next;
        }
        if (beyondAscii > 0 && (double) outOfPlace / beyondAscii > MAX_OUT_OF_PLACE) {
            return Math.round(100.0 * outOfPlace / beyondAscii) + " % of its characters beyond ASCII would be"
                    + " rare Chinese characters, kana, Hangul or symbols (" + excerpt(text, firstOutOfPlace) + ")";
        }
        if (han >= MIN_HAN_FOR_SETTING && (double) spacedHan / han > MAX_SPACED_HAN
                && asciiPunctuationAfterHan > fullWidthPunctuationAfterHan) {
            return "its Chinese characters would stand in words between spaces with ASCII full stops and commas,"
                    + " as Chinese is never written (" + excerpt(text, firstSpacedHan(text)) + ")";
        }
        return null;
    }

    private static boolean isOutOfPlace(int c) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return c > 0xFFFF || (!COMMON_HANZI.get(c) && !LESS_COMMON_HANZI.get(c));
        }
        return (c >= 0x3040 && c <= 0x30FF)       // hiragana, katakana
                || (c >= 0xFF61 && c <= 0xFF9F)   // half-width katakana
                || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || (c >= 0xAC00 && c <= 0xD7AF) // Hangul
                || (c >= 0x3100 && c <= 0x312F)   // bopomofo
                || (c >= 0x2500 && c <= 0x259F)   // box drawing, block elements
                || (c >= 0x3300 && c <= 0x33FF)   // squared Latin abbreviations (㎝, ㎏)
                || (c >= 0xE000 && c <= 0xF8FF)   // private use
                || c == 0xFFFD;
    }

    private static int firstSpacedHan(String text) {
        for (int i = 1; i + 1 < text.length(); i++) {
            if (text.charAt(i) == ' ' && Character.UnicodeScript.of(text.charAt(i - 1)) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(text.charAt(i + 1)) == Character.UnicodeScript.HAN) {
                return i - 1;
            }
        }
        return 0;
    }

    /** A few words of the text as the guessed encoding reads them, from a little before {@code at}. */
    private static String excerpt(String text, int at) {
        int start = Math.max(0, at - 10);
        int end = Math.min(text.length(), start + 30);
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return "“" + text.substring(start, end).replaceAll("\\s+", " ").strip() + "…”";
    }
}
