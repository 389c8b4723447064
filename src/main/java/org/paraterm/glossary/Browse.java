package org.paraterm.glossary;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Browsing the glossary the way printed glossaries are read: Chinese by pinyin, English from A to
 * Z, each under its initial letter, or the most recently changed first.
 *
 * <p>Pinyin order comes from the JDK's collator for Simplified Chinese, which orders the common
 * characters (GB 2312 level 1) by their pinyin. A term's initial letter is found by comparing its
 * first character with the first character of each letter in that order (阿 a, 八 b, 嚓 c …), so no
 * pinyin table is needed; characters before 阿 (digits, Latin letters) go under "#".
 */
public final class Browse {

    public enum Order {
        PINYIN, ALPHABET, RECENT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Order of(String label) {
            for (Order order : values()) {
                if (order.label().equals(label)) {
                    return order;
                }
            }
            return PINYIN;
        }
    }

    /** What an entry is listed under: its preferred terms, subject and last change. */
    public record Key(long id, String chinese, String english, String subject, Instant modifiedAt) {
    }

    /** One page of keys in order, with the total and every initial letter that has entries. */
    public record Result(long total, List<Key> keys, Set<String> letters) {
    }

    private static final Collator PINYIN = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
    private static final String[] FIRST_OF_LETTER = {"阿", "八", "嚓", "搭", "蛾", "发", "噶", "哈", "击", "喀", "垃",
        "妈", "拿", "哦", "啪", "期", "然", "撒", "塌", "挖", "昔", "压", "匝"};
    private static final String LETTERS = "ABCDEFGHJKLMNOPQRSTWXYZ";

    private Browse() {
    }

    /** The page of {@code keys} under {@code letter} (all when null) in {@code order}. */
    public static Result page(List<Key> keys, Order order, String letter, int page, int size) {
        List<Key> sorted = new ArrayList<>(keys);
        Comparator<Key> comparator = switch (order) {
            case PINYIN -> Comparator.comparing((Key k) -> k.chinese() == null ? "\uFFFF" : k.chinese(), PINYIN);
            case ALPHABET -> Comparator.comparing((Key k) -> k.english() == null ? "\uFFFF"
                    : k.english().toLowerCase(Locale.ROOT));
            case RECENT -> Comparator.comparing(Key::modifiedAt).reversed();
        };
        sorted.sort(comparator.thenComparingLong(Key::id));
        Set<String> letters = new TreeSet<>();
        List<Key> wanted = new ArrayList<>();
        for (Key key : sorted) {
            String initial = initial(key, order);
            if (initial != null) {
                letters.add(initial);
            }
            if (letter == null || letter.isEmpty() || letter.equals(initial)) {
                wanted.add(key);
            }
        }
        int from = Math.min(wanted.size(), Math.max(0, (page - 1) * size));
        return new Result(wanted.size(), wanted.subList(from, Math.min(wanted.size(), from + size)), letters);
    }

    /** The letter a Chinese term is listed under in pinyin order, "#" before a, or null for no term. */
    public static String pinyinInitial(String chinese) {
        if (chinese == null || chinese.isEmpty()) {
            return null;
        }
        String first = chinese.substring(0, Character.charCount(chinese.codePointAt(0)));
        for (int i = FIRST_OF_LETTER.length - 1; i >= 0; i--) {
            if (PINYIN.compare(first, FIRST_OF_LETTER[i]) >= 0) {
                return String.valueOf(LETTERS.charAt(i));
            }
        }
        return "#";
    }

    private static String initial(Key key, Order order) {
        return switch (order) {
            case PINYIN -> pinyinInitial(key.chinese());
            case ALPHABET -> key.english() == null || key.english().isEmpty() ? null
                    : Character.isLetter(key.english().charAt(0))
                    ? key.english().substring(0, 1).toUpperCase(Locale.ROOT) : "#";
            case RECENT -> null;
        };
    }
}
