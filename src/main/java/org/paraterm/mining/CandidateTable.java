package org.paraterm.mining;

import java.util.List;
import java.util.Locale;

/**
 * The {@code mine} command's TSV: a header row, then {@code rank term freq docs score variants
 * context}, best first. Scripts and evaluations read it; keep the columns.
 */
public final class CandidateTable {

    public static final String HEADER = "rank\tterm\tfreq\tdocs\tscore\tvariants\tcontext";

    private CandidateTable() {
    }

    public static String write(List<MinedCandidate> candidates, int top) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (MinedCandidate mined : candidates.subList(0, Math.min(top, candidates.size()))) {
            Candidate candidate = mined.candidate();
            out.append(mined.rank()).append('\t')
                    .append(candidate.term()).append('\t')
                    .append(candidate.frequency()).append('\t')
                    .append(candidate.documents()).append('\t')
                    .append(String.format(Locale.ROOT, "%.3f", candidate.score())).append('\t')
                    .append(variantColumn(mined.variants())).append('\t')
                    .append(mined.contexts().isEmpty() ? "" : cell(mined.contexts().get(0).text()))
                    .append('\n');
        }
        return out.toString();
    }

    /** {@code form:relation:freq} for each variant, separated by semicolons. */
    static String variantColumn(List<Variant> variants) {
        StringBuilder column = new StringBuilder();
        for (Variant variant : variants) {
            if (column.length() > 0) {
                column.append(';');
            }
            column.append(variant.form()).append(':').append(variant.relation().label()).append(':')
                    .append(variant.frequency());
        }
        return column.toString();
    }

    private static String cell(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
