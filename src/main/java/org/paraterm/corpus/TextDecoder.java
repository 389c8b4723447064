package org.paraterm.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text: a byte-order mark decides (UTF-8, UTF-16), then strict UTF-8,
 * then strict GB18030, the encoding Chinese Windows tools still write. GB18030 is a guess that
 * almost any bytes pass, so its text must also read as Chinese or English
 * ({@link DecodingPlausibility}): a Latin-1, windows-1252, Shift-JIS or EUC-KR file is refused
 * rather than loaded as mojibake. Files that are empty or not text at all are refused with a
 * reason a person can act on.
 */
public final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** Above this share of control or replacement characters a file is not text. */
    private static final double MAX_NOISE = 0.02;

    private TextDecoder() {
    }

    public static String decode(String source, byte[] bytes) throws UnreadableDocumentException {
        if (bytes.length == 0) {
            throw new UnreadableDocumentException(source, "the file is empty");
        }
        refuseKnownBinaryFormats(source, bytes);
        String text = decodeText(source, bytes);
        if (text.isBlank()) {
            throw new UnreadableDocumentException(source, "the file holds no text, only white space");
        }
        if (noise(text) > MAX_NOISE) {
            throw new UnreadableDocumentException(source,
                    "the file is binary or in an unknown encoding, not plain text");
        }
        return text;
    }

    private static String decodeText(String source, byte[] bytes) throws UnreadableDocumentException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return lenient(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return lenient(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return lenient(bytes, 2, StandardCharsets.UTF_16BE);
        }
        Charset utf16 = utf16WithoutMark(bytes);
        if (utf16 != null) {
            return lenient(bytes, 0, utf16);
        }
        if (countZeros(bytes) > 0) {
            throw new UnreadableDocumentException(source, "the file is binary (it contains NUL bytes), not plain text");
        }
        String strict = strict(bytes, StandardCharsets.UTF_8);
        if (strict != null) {
            return strict;
        }
        String chinese = strict(bytes, GB18030);
        if (chinese != null) {
            String implausible = DecodingPlausibility.problem(chinese);
            if (implausible != null) {
                throw new UnreadableDocumentException(source, "the file is not UTF-8, and read as GB18030, "
                        + implausible + ": it is in another encoding (Latin-1, windows-1252, Shift-JIS, EUC-KR, Big5,"
                        + " …); save it as UTF-8 and load it again");
            }
            return chinese;
        }
        throw new UnreadableDocumentException(source,
                "the file is neither UTF-8 nor GB18030 text; save it as UTF-8 and load it again");
    }

    private static void refuseKnownBinaryFormats(String source, byte[] bytes) throws UnreadableDocumentException {
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            throw new UnreadableDocumentException(source, "the file is a PDF; extract its text first (for example with pdftotext)");
        }
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            throw new UnreadableDocumentException(source, "the file is a ZIP or Office document, not plain text");
        }
    }

    /**
     * UTF-16 without a byte-order mark shows as a zero byte in every other position for the
     * ASCII characters of the text (line breaks, digits, spaces), which UN text always has.
     */
    private static Charset utf16WithoutMark(byte[] bytes) {
        int pairs = bytes.length / 2;
        if (pairs < 4 || bytes.length % 2 != 0) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            if (bytes[i] == 0) {
                evenZeros++;
            }
            if (bytes[i + 1] == 0) {
                oddZeros++;
            }
        }
        if (oddZeros > pairs / 10 && evenZeros == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs / 10 && oddZeros == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException notThisEncoding) {
            return null;
        }
    }

    private static String lenient(byte[] bytes, int offset, Charset charset) {
        return new String(bytes, offset, bytes.length - offset, charset);
    }

    private static double noise(String text) {
        long noisy = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0xFFFD || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                noisy++;
            }
        }
        return (double) noisy / Math.max(1, text.length());
    }

    private static int countZeros(byte[] bytes) {
        int zeros = 0;
        for (byte b : bytes) {
            if (b == 0) {
                zeros++;
            }
        }
        return zeros;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
