package org.paraterm.check;

import java.util.ArrayList;
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

    /** The page highlights at most this many characters; the lists cover the whole text. */
    static final int SHOWN = 100_000;

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
        int shown = Math.min(text.length(), SHOWN);
        Map<Integer, CheckResult.Flag> flagAt = new HashMap<>();
        result.flags().forEach(f -> flagAt.put(f.start(), f));
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (CheckResult.Match match : result.matches()) {
            if (match.end() > shown) {
                break;
            }
            if (match.start() > at) {
                pieces.add(new Piece(text.substring(at, match.start()), null, null));
            }
            pieces.add(new Piece(match.text(), match, flagAt.get(match.start())));
            at = match.end();
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

        view.model.put("checked", true);
        view.model.put("text", text.length() <= SHOWN ? text : "");
        view.model.put("pieces", pieces);
        view.model.put("truncated", text.length() > SHOWN);
        view.model.put("shown", SHOWN);
        view.model.put("length", text.length());
        view.model.put("result", result);
        view.model.put("used", new ArrayList<>(used.values()));
        view.model.put("flagged", new ArrayList<>(flagged.values()));
        return view;
    }

    Map<String, Object> model() {
        return model;
    }
}
