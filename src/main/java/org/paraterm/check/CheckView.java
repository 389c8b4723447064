package org.paraterm.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A check result as the page shows it: the text cut into plain and matched pieces (Thymeleaf
 * escapes each piece, so markup in a pasted text stays text), the glossary terms used with their
 * counts, the flagged forms, and the possible new terms.
 */
final class CheckView {

    /**
     * Pages stay under 200 KB: the highlighted text stops after about this many bytes of HTML (a
     * dense UN text has a term every seven characters, each with its link and English rendering),
     * and the tables after {@link #ROWS} rows. The lists' counts cover the whole text.
     */
    static final int TEXT_BUDGET = 110_000;
    static final int ROWS = 100;
    /** The text goes back into the form (to be edited and checked again) up to this many bytes. */
    static final int REFILL_BYTES = 30_000;
    /** The markup around a highlighted term, beyond its text and English rendering. */
    private static final int MARK_BYTES = 150;

    /** A piece of the text: plain ({@code match} null) or a matched term. */
    public record Piece(String text, CheckResult.Match match, CheckResult.Flag flag) {
    }

    /** A glossary entry used in the text: its preferred terms, how often and with which forms. */
    public record Used(long entryId, String preferred, String en, int count, List<String> forms) {
    }

    /** A flagged form, with what to write instead and how often it occurs. */
    public record Flagged(String text, long entryId, String preferred, String en, String reason, int count,
                          int firstStart) {
    }

    private final Map<String, Object> model = new HashMap<>();

    private CheckView() {
    }

    static CheckView of(String text, CheckResult result) {
        CheckView view = new CheckView();
        Map<Integer, CheckResult.Flag> flagAt = new HashMap<>();
        result.flags().forEach(f -> flagAt.put(f.start(), f));
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        long bytes = 0;
        int taken = 0;
        for (CheckResult.Match match : result.matches()) {
            long plain = TextCheck.utf8Length(text.substring(at, match.start()));
            long marked = TextCheck.utf8Length(match.text()) + (match.en() == null ? 0 : match.en().length())
                    + MARK_BYTES;
            if (bytes + plain + marked > TEXT_BUDGET) {
                break;
            }
            if (match.start() > at) {
                pieces.add(new Piece(text.substring(at, match.start()), null, null));
            }
            pieces.add(new Piece(match.text(), match, flagAt.get(match.start())));
            bytes += plain + marked;
            at = match.end();
            taken++;
        }
        // Then plain text, up to the first term not shown, as far as the budget allows.
        int limit = taken < result.matches().size() ? result.matches().get(taken).start() : text.length();
        int shown = at;
        while (shown < limit && bytes < TEXT_BUDGET) {
            bytes += text.charAt(shown) < 0x80 ? 1 : 3;
            shown++;
        }
        if (shown < text.length() && Character.isLowSurrogate(text.charAt(shown))) {
            shown++;
        }
        if (shown > at) {
            pieces.add(new Piece(text.substring(at, shown), null, null));
        }

        Map<Long, Used> used = new LinkedHashMap<>();
        for (CheckResult.Match match : result.matches()) {
            used.compute(match.entryId(), (id, old) -> {
                if (old == null) {
                    return new Used(id, match.preferred(), match.en(), 1, new ArrayList<>(List.of(match.text())));
                }
                if (!old.forms().contains(match.text())) {
                    old.forms().add(match.text());
                }
                return new Used(id, old.preferred(), old.en(), old.count() + 1, old.forms());
            });
        }
        Map<String, Flagged> flagged = new LinkedHashMap<>();
        for (CheckResult.Flag flag : result.flags()) {
            flagged.compute(flag.text(), (form, old) -> old == null
                    ? new Flagged(form, flag.entryId(), flag.preferred(), flag.en(), flag.reason(), 1, flag.start())
                    : new Flagged(form, old.entryId(), old.preferred(), old.en(), old.reason(), old.count() + 1,
                    old.firstStart()));
        }

        List<Used> usedRows = new ArrayList<>(used.values());
        usedRows.sort(Comparator.comparingInt(Used::count).reversed());
        List<Flagged> flaggedRows = new ArrayList<>(flagged.values());
        flaggedRows.sort(Comparator.comparingInt(Flagged::count).reversed());

        view.model.put("checked", true);
        view.model.put("text", TextCheck.utf8Length(text) <= REFILL_BYTES ? text : "");
        view.model.put("pieces", pieces);
        view.model.put("truncated", shown < text.length());
        view.model.put("shown", shown);
        view.model.put("length", text.length());
        view.model.put("result", result);
        view.model.put("used", usedRows.subList(0, Math.min(ROWS, usedRows.size())));
        view.model.put("usedTotal", usedRows.size());
        view.model.put("flagged", flaggedRows.subList(0, Math.min(ROWS, flaggedRows.size())));
        view.model.put("flaggedTotal", flaggedRows.size());
        return view;
    }

    Map<String, Object> model() {
        return model;
    }
}
