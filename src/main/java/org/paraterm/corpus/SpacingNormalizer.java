package org.paraterm.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out the spaces a PDF puts into Chinese text: between spaced-out digits
 * ("2 0 0 9 年" → "2009年"), between digits and Chinese characters ("1996 年 10 月" → "1996年10月"),
 * between Chinese characters, and next to full-width punctuation. A space between Chinese and a
 * Latin word ("DNA 特征") stays, and any run of spaces becomes one. Footnote mark characters are
 * invisible to these rules and stay attached to the word before them.
 */
final class SpacingNormalizer {

    /** Two or more single digits with one space between each. */
    private static final Pattern SPACED_DIGITS = Pattern.compile("(?<![\\d.,/])\\d(?![\\d.,/])(?:[ \u3000]\\d(?![\\d.,/]))+");

    private SpacingNormalizer() {
    }

    static String normalize(String paragraph, boolean chinese) {
        String text = chinese ? joinSpacedDigits(paragraph) : paragraph;
        return squeezeSpaces(text, chinese);
    }

    private static String joinSpacedDigits(String text) {
        Matcher matcher = SPACED_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (matcher.find()) {
            out.append(text, copied, matcher.start()).append(matcher.group().replaceAll("[ \u3000]", ""));
            copied = matcher.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static String squeezeSpaces(String text, boolean chinese) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!Chars.isSpace(c) && !Chars.isMark(c)) {
                out.append(c);
                i++;
                continue;
            }
            int runEnd = i;
            boolean hasSpace = false;
            StringBuilder marks = new StringBuilder();
            while (runEnd < n && (Chars.isSpace(text.charAt(runEnd)) || Chars.isMark(text.charAt(runEnd)))) {
                if (Chars.isMark(text.charAt(runEnd))) {
                    marks.append(text.charAt(runEnd));
                } else {
                    hasSpace = true;
                }
                runEnd++;
            }
            char left = out.length() == 0 ? 0 : lastNonMark(out);
            char right = runEnd < n ? text.charAt(runEnd) : 0;
            out.append(marks);
            if (hasSpace && keepsSpace(left, right, chinese)) {
                out.append(' ');
            }
            i = runEnd;
        }
        return out.toString();
    }

    private static boolean keepsSpace(char left, char right, boolean chinese) {
        if (left == 0 || right == 0) {
            return false;
        }
        if (!chinese) {
            return true;
        }
        if (Chars.isCjkPunctuation(left) || Chars.isCjkPunctuation(right)) {
            return false;
        }
        boolean leftHan = Chars.isHan(left);
        boolean rightHan = Chars.isHan(right);
        if (leftHan && rightHan) {
            return false;
        }
        if ((leftHan && Chars.isAsciiDigit(right)) || (Chars.isAsciiDigit(left) && rightHan)) {
            return false;
        }
        return true;
    }

    private static char lastNonMark(StringBuilder out) {
        for (int i = out.length() - 1; i >= 0; i--) {
            if (!Chars.isMark(out.charAt(i))) {
                return out.charAt(i);
            }
        }
        return 0;
    }
}
