package org.paraterm.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers every UN symbol a document cites: from its undocs.org links, written out in its text
 * and footnotes, and resolutions cited by number. A Security Council resolution number
 * ("2482(2019)") is unambiguous; a number such as "73/187" could be the General Assembly's, the
 * Economic and Social Council's or a commission's, so it counts only when a link confirms it.
 */
final class ReferenceCollector {

    private static final Pattern SECURITY_COUNCIL = Pattern.compile("(?<![\\d/])(\\d{3,4}) ?[(（](\\d{4})[)）]");
    private static final Pattern SESSION_NUMBER = Pattern.compile("(?<![\\w/.])(\\d{2,4}/\\d{1,3})(?![\\w/])");

    private ReferenceCollector() {
    }

    static List<Reference> collect(String ownSymbol, String text, List<Footnote> footnotes, List<String> links) {
        List<Reference> references = new ArrayList<>();
        Set<String> linked = new LinkedHashSet<>();
        for (String link : links) {
            String symbol = UnSymbols.fromLink(link);
            if (symbol != null && !symbol.equals(ownSymbol)) {
                linked.add(symbol);
            }
        }
        for (String symbol : linked) {
            references.add(new Reference(symbol, ReferenceSource.LINK, null));
        }
        List<Span> taken = new ArrayList<>();
        for (UnSymbols.Found found : UnSymbols.find(text)) {
            if (!found.symbol().equals(ownSymbol)) {
                references.add(new Reference(found.symbol(), ReferenceSource.TEXT, found.span()));
                taken.add(found.span());
            }
        }
        Matcher council = SECURITY_COUNCIL.matcher(text);
        while (council.find()) {
            Span span = new Span(council.start(), council.end());
            if (!overlaps(span, taken)) {
                references.add(new Reference("S/RES/" + council.group(1) + "(" + council.group(2) + ")",
                        ReferenceSource.RESOLUTION, span));
            }
        }
        Matcher number = SESSION_NUMBER.matcher(linked.isEmpty() ? "" : text);
        while (number.find()) {
            Span span = new Span(number.start(), number.end());
            String confirmed = confirmedByLink(number.group(1), linked);
            if (confirmed != null && !overlaps(span, taken)) {
                references.add(new Reference(confirmed, ReferenceSource.RESOLUTION, span));
            }
        }
        for (Footnote footnote : footnotes) {
            for (UnSymbols.Found found : UnSymbols.find(footnote.text())) {
                references.add(new Reference(found.symbol(), ReferenceSource.FOOTNOTE, null));
            }
            Matcher inFootnote = SECURITY_COUNCIL.matcher(footnote.text());
            while (inFootnote.find()) {
                references.add(new Reference("S/RES/" + inFootnote.group(1) + "(" + inFootnote.group(2) + ")",
                        ReferenceSource.FOOTNOTE, null));
            }
        }
        references.sort((a, b) -> Integer.compare(order(a), order(b)));
        return references;
    }

    private static String confirmedByLink(String number, Set<String> linked) {
        for (String series : List.of("A/RES/", "E/RES/", "A/HRC/RES/")) {
            if (linked.contains(series + number)) {
                return series + number;
            }
        }
        return null;
    }

    private static boolean overlaps(Span span, List<Span> taken) {
        for (Span other : taken) {
            if (span.start() < other.end() && other.start() < span.end()) {
                return true;
            }
        }
        return false;
    }

    /** References found in the text come in text order, then footnotes, then links. */
    private static int order(Reference reference) {
        return switch (reference.source()) {
            case TEXT, RESOLUTION -> reference.span().start();
            case FOOTNOTE -> Integer.MAX_VALUE - 1;
            case LINK -> Integer.MAX_VALUE;
        };
    }
}
