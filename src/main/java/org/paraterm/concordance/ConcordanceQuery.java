package org.paraterm.concordance;

import java.util.ArrayList;
import java.util.List;

/**
 * A concordance query as typed, read into what it searches. The syntax (docs/04-concordance.md):
 * <ul>
 *   <li>{@code 会员国} a plain string, matched exactly anywhere (Latin words as whole words,
 *       ignoring case);</li>
 *   <li>{@code 偷运移民 | 贩运人口} any of several strings;</li>
 *   <li>{@code 打击*犯罪} the two strings with at most {@value #GAP} characters between them;</li>
 *   <li>{@code 会员国 -安全理事会} leaves out every paragraph (or footnote) that contains the string
 *       after the minus sign;</li>
 *   <li>{@code "..."} quotes a string that holds {@code |}, {@code *} or a leading {@code -}.</li>
 * </ul>
 *
 * @param alternatives each a chain of one or more strings (more than one: gaps between them), in
 *                     the normalized form of {@link Characters#normalize}
 * @param exclusions   normalized strings whose paragraphs are left out
 */
public record ConcordanceQuery(String text, List<List<String>> alternatives, List<String> exclusions) {

    /** The most characters a gap ({@code *}) stands for. */
    public static final int GAP = 10;
    /** The longest query accepted, in characters. */
    public static final int LONGEST = 200;
    static final int MOST_ALTERNATIVES = 10;
    static final int MOST_PARTS = 5;

    /** A query that cannot be read; the message says why, for the person who typed it. */
    public static final class InvalidQueryException extends IllegalArgumentException {
        InvalidQueryException(String message) {
            super(message);
        }
    }

    public ConcordanceQuery {
        alternatives = alternatives.stream().map(List::copyOf).toList();
        exclusions = List.copyOf(exclusions);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a query needs something to search");
        }
    }

    public static ConcordanceQuery parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new InvalidQueryException("empty query: type a string to search");
        }
        if (text.length() > LONGEST) {
            throw new InvalidQueryException("query too long: at most " + LONGEST + " characters");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new InvalidQueryException("a query is one line");
        }
        List<Token> tokens = tokens(text);
        List<String> exclusions = new ArrayList<>();
        List<List<String>> alternatives = new ArrayList<>();
        List<String> chain = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (Token token : tokens) {
            switch (token.kind) {
                case EXCLUSION -> exclusions.add(literal(token.text, "after -"));
                case OR -> {
                    closeChain(chain, part, alternatives);
                    chain = new ArrayList<>();
                }
                case GAP -> {
                    if (part.toString().isBlank()) {
                        throw new InvalidQueryException("* needs a string on both sides, as in 打击*犯罪");
                    }
                    chain.add(literal(part.toString(), "before *"));
                    part.setLength(0);
                }
                case TEXT -> part.append(token.text);
            }
        }
        closeChain(chain, part, alternatives);
        if (alternatives.size() > MOST_ALTERNATIVES) {
            throw new InvalidQueryException("at most " + MOST_ALTERNATIVES + " alternatives joined by |");
        }
        return new ConcordanceQuery(text, alternatives, exclusions);
    }

    private static void closeChain(List<String> chain, StringBuilder part, List<List<String>> alternatives) {
        if (part.toString().isBlank()) {
            if (!chain.isEmpty()) {
                throw new InvalidQueryException("* needs a string on both sides, as in 打击*犯罪");
            }
            throw new InvalidQueryException(alternatives.isEmpty() && chain.isEmpty()
                    ? "nothing to search: give a string besides the ones to leave out"
                    : "| needs a string on both sides, as in 偷运移民 | 贩运人口");
        }
        chain.add(literal(part.toString(), "the query"));
        part.setLength(0);
        if (chain.size() > MOST_PARTS) {
            throw new InvalidQueryException("at most " + (MOST_PARTS - 1) + " gaps (*) in one string");
        }
        alternatives.add(chain);
    }

    /**
     * A string in the form the index holds: spaces collapsed, no space left between two Chinese
     * characters (the cleaned Chinese text has none), match form and lower case.
     */
    private static String literal(String raw, String where) {
        String collapsed = raw.strip().replaceAll("\\s+", " ");
        StringBuilder joined = new StringBuilder(collapsed.length());
        for (int i = 0; i < collapsed.length(); i++) {
            char c = collapsed.charAt(i);
            if (c == ' ' && i > 0 && i + 1 < collapsed.length() && Characters.isHan(collapsed.charAt(i - 1))
                    && Characters.isHan(collapsed.charAt(i + 1))) {
                continue;
            }
            joined.append(c);
        }
        if (joined.isEmpty()) {
            throw new InvalidQueryException("empty string " + where);
        }
        return Characters.normalize(joined.toString());
    }

    private enum Kind { TEXT, OR, GAP, EXCLUSION }

    private record Token(Kind kind, String text) {
    }

    /** Splits the query at {@code |}, {@code *} and minus-prefixed words, leaving quoted text whole. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean wordStart = i == 0 || Character.isWhitespace(text.charAt(i - 1));
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw new InvalidQueryException("a quotation mark \" is not closed");
                }
                tokens.add(new Token(Kind.TEXT, text.substring(i + 1, close)));
                i = close + 1;
            } else if (c == '|') {
                tokens.add(new Token(Kind.OR, "|"));
                i++;
            } else if (c == '*') {
                tokens.add(new Token(Kind.GAP, "*"));
                i++;
            } else if (c == '-' && wordStart && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
                int end;
                String excluded;
                if (text.charAt(i + 1) == '"') {
                    end = text.indexOf('"', i + 2);
                    if (end < 0) {
                        throw new InvalidQueryException("a quotation mark \" is not closed");
                    }
                    excluded = text.substring(i + 2, end);
                    end++;
                } else {
                    end = i + 1;
                    while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                            && "|*\"".indexOf(text.charAt(end)) < 0) {
                        end++;
                    }
                    excluded = text.substring(i + 1, end);
                }
                tokens.add(new Token(Kind.EXCLUSION, excluded));
                i = end;
            } else {
                int end = i + 1;
                while (end < text.length() && "\"|*".indexOf(text.charAt(end)) < 0
                        && !(text.charAt(end) == '-' && Character.isWhitespace(text.charAt(end - 1)))) {
                    end++;
                }
                tokens.add(new Token(Kind.TEXT, text.substring(i, end)));
                i = end;
            }
        }
        return tokens;
    }

    /** How the query was read, for the page: "searched 打击…犯罪 with up to 10 characters between". */
    public String description() {
        List<String> read = new ArrayList<>();
        boolean gaps = false;
        for (List<String> chain : alternatives) {
            read.add(String.join("…", chain));
            gaps |= chain.size() > 1;
        }
        StringBuilder description = new StringBuilder("searched ").append(String.join(" or ", read));
        if (gaps) {
            description.append(" with up to ").append(GAP).append(" characters between");
        }
        if (!exclusions.isEmpty()) {
            description.append(", leaving out paragraphs and footnotes with ").append(String.join(" or ", exclusions));
        }
        if (alternatives.stream().flatMap(List::stream).anyMatch(ConcordanceQuery::hasLatin)) {
            description.append(" (Latin letters in any case, as whole words)");
        }
        return description.toString();
    }

    private static boolean hasLatin(String part) {
        return part.chars().anyMatch(c -> Characters.isWordCharacter((char) c) && !Character.isDigit(c));
    }
}
