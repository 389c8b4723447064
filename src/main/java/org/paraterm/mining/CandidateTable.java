package org.paraterm.mining;

import java.util.List;
import java.util.Locale;
import org.paraterm.TableFile;

/**
 * The {@code mine} command's TSV: a header row, then {@code rank term freq docs score variants
 * context}, best first. Scripts and evaluations read it; keep the columns. Written as
 * {@link TableFile#TSV}, safe to open in a spreadsheet.
 */
public final class CandidateTable {

    public static final String HEADER = "rank\tterm\tfreq\tdocs\tscore\tvariants\tcontext";

    private CandidateTable() {
    }

    public static String write(List<MinedCandidate> candidates, int top) {
        StringBuilder out = new StringBuilder(TableFile.TSV.row(HEADER.split("\t")));
        for (MinedCandidate mined : candidates.subList(0, Math.min(top, candidates.size()))) {
            Candidate candidate = mined.candidate();
            out.append(TableFile.TSV.row(String.valueOf(mined.rank()), candidate.term(),
                    String.valueOf(candidate.frequency()), String.valueOf(candidate.documents()),
                    String.format(Locale.ROOT, "%.3f", candidate.score()), variantColumn(mined.variants()),
                    mined.contexts().isEmpty() ? "" : mined.contexts().get(0).text()));
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
}
