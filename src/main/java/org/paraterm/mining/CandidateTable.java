package org.paraterm.mining;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paraterm.corpus.CleanDocument;
import org.paraterm.corpus.Sentence;

/**
 * The {@code mine} command's TSV: a header row, then {@code rank term freq docs score variants
 * context}, best first. Scripts and evaluations read it; keep the columns.
 */
public final class CandidateTable {

    private static final int SHORTEST_EXAMPLE = 15;
    private static final int LONGEST_EXAMPLE = 120;

    private CandidateTable() {
    }

    public static String write(List<Candidate> candidates, List<CleanDocument> documents, int top) {
        java.util.Map<String, List<Variant>> variants = VariantGrouper.group(candidates, documents);
        StringBuilder out = new StringBuilder("rank\tterm\tfreq\tdocs\tscore\tvariants\tcontext\n");
        for (int i = 0; i < Math.min(top, candidates.size()); i++) {
            Candidate candidate = candidates.get(i);
            out.append(i + 1).append('\t')
                    .append(candidate.term()).append('\t')
                    .append(candidate.frequency()).append('\t')
                    .append(candidate.documents()).append('\t')
                    .append(String.format(Locale.ROOT, "%.3f", candidate.score())).append('\t')
                    .append(variantColumn(variants.getOrDefault(candidate.term(), List.of()))).append('\t')
                    .append(example(candidate, documents).replace('\t', ' ').replace('\n', ' '))
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

    /**
     * One example sentence: complete and of moderate length when there is one, else the first.
     * (The fuller good-example choice over documents is part of the contexts step still to come.)
     */
    static String example(Candidate candidate, List<CleanDocument> documents) {
        String fallback = "";
        Set<String> seen = new HashSet<>();
        for (Occurrence occurrence : candidate.occurrences()) {
            CleanDocument document = documents.get(occurrence.document());
            Sentence sentence = document.sentences().get(occurrence.sentence());
            String text = document.text(sentence.span());
            if (!seen.add(text)) {
                continue;
            }
            if (fallback.isEmpty()) {
                fallback = text;
            }
            if (text.length() >= SHORTEST_EXAMPLE && text.length() <= LONGEST_EXAMPLE) {
                return text;
            }
        }
        return fallback;
    }
}
