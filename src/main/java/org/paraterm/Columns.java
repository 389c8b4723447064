package org.paraterm;

/** Text fitted to the VARCHAR column that stores it. */
public final class Columns {

    private Columns() {
    }

    /**
     * At most {@code length} characters of {@code text}, never half of a surrogate pair (H2 counts
     * UTF-16 characters, PostgreSQL code points; a length in UTF-16 characters fits both). Only for
     * text that stays useful shortened, such as a label; a name that must be kept whole is refused
     * or given a wider column instead.
     */
    public static String clip(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }
}
