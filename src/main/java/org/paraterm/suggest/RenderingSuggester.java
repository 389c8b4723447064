package org.paraterm.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paraterm.parallel.ParallelUnit;

/**
 * Suggests English renderings of a Chinese term from a parallel corpus: the English term candidates
 * ({@link EnglishTerms}) that the units holding the term share, ranked by how strongly they go with
 * it across the whole corpus (Dice; docs/08-renderings.md says why and what it measured).
 *
 * <p>Only confident one-to-one units ({@link ParallelUnit#confidentOneToOne()}) count. Building
 * cuts every English side into folded words ({@link EnglishWords}) and indexes them; it tags no
 * English, since the tagger decodes a few hundred sentences a second here. A query tags only the
 * shortest units that hold the term ({@link #SAMPLE} of them) to find candidate phrases, then counts
 * every candidate over all units by its words. Tagged units are remembered, so the suggester is
 * immutable as seen from outside and safe to share between threads.
 */
public final class RenderingSuggester {

    /** How many units holding a term are tagged to find its candidates; the counting uses them all. */
    static final int SAMPLE = 24;
    /** Evidence units kept per rendering. */
    static final int EVIDENCE = 3;
    /**
     * A longer phrase replaces a shorter one it holds when it is found in at least this share of the
     * shorter one's units with the term (tuned on the development list, docs/08-renderings.md).
     */
    static final double EXTENSION_SHARE = 0.6;

    /** The association measures compared in docs/08-renderings.md. */
    enum Measure {
        /** 2·both / (term units + rendering units). */
        DICE,
        /** Dunning's log-likelihood ratio G², signed: negative when the two avoid each other. */
        LOG_LIKELIHOOD
    }

    private static final Pattern ACRONYM_AFTER = Pattern.compile("\\A\\s*\\(\\s*([A-Z][A-Za-z]*[A-Z])s?\\s*\\)");

    private final List<ParallelUnit> units;
    private final int[][] words;
    private final int[][] starts;
    private final int[][] ends;
    private final Map<String, Integer> wordIds;
    private final int[][] postings;
    private final Measure measure;
    private final double extensionShare;
    /** Tagged English sides by their text; shared between the suggesters of one evaluation. */
    private final Map<String, EnglishTerms> tagged;

    private RenderingSuggester(List<ParallelUnit> units, Measure measure, double extensionShare,
                               Map<String, EnglishTerms> tagged) {
        this.units = units;
        this.tagged = tagged;
        this.measure = measure;
        this.extensionShare = extensionShare;
        int n = units.size();
        words = new int[n][];
        starts = new int[n][];
        ends = new int[n][];
        wordIds = new HashMap<>();
        List<int[]> growing = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            List<EnglishWords.Word> unitWords = EnglishWords.of(units.get(u).en());
            int[] ids = new int[unitWords.size()];
            starts[u] = new int[ids.length];
            ends[u] = new int[ids.length];
            for (int k = 0; k < ids.length; k++) {
                EnglishWords.Word word = unitWords.get(k);
                Integer id = wordIds.get(word.key());
                if (id == null) {
                    id = wordIds.size();
                    wordIds.put(word.key(), id);
                    growing.add(new int[4]);
                    sizes.add(0);
                }
                ids[k] = id;
                starts[u][k] = word.start();
                ends[u][k] = word.end();
                int size = sizes.get(id);
                int[] list = growing.get(id);
                if (size == 0 || list[size - 1] != u) {
                    if (size == list.length) {
                        list = Arrays.copyOf(list, size * 2);
                        growing.set(id, list);
                    }
                    list[size] = u;
                    sizes.set(id, size + 1);
                }
            }
            words[u] = ids;
        }
        postings = new int[growing.size()][];
        for (int id = 0; id < postings.length; id++) {
            postings[id] = Arrays.copyOf(growing.get(id), sizes.get(id));
        }
    }

    /** A suggester over the confident one-to-one units of {@code units}. */
    public static RenderingSuggester build(Collection<ParallelUnit> units) {
        return build(units, Measure.DICE, EXTENSION_SHARE);
    }

    /** A suggester with another measure or extension share, for the evaluation. */
    static RenderingSuggester build(Collection<ParallelUnit> units, Measure measure, double extensionShare) {
        return build(units, measure, extensionShare, new ConcurrentHashMap<>());
    }

    static RenderingSuggester build(Collection<ParallelUnit> units, Measure measure, double extensionShare,
                                    Map<String, EnglishTerms> tagged) {
        return new RenderingSuggester(units.stream().filter(ParallelUnit::confidentOneToOne).toList(), measure,
                extensionShare, tagged);
    }

    /** How many units count as evidence. */
    public int unitCount() {
        return units.size();
    }

    /**
     * Up to {@code limit} English renderings of {@code chineseTerm}, best first; none when no
     * confident unit holds the term or no English candidate is shared by two of its units.
     */
    public List<Rendering> suggest(String chineseTerm, int limit) {
        String term = chineseTerm == null ? "" : chineseTerm.strip();
        if (term.isEmpty() || limit < 1) {
            return List.of();
        }
        int[] holding = unitsHolding(term);
        if (holding.length == 0) {
            return List.of();
        }
        List<Scored> scored = score(holding, candidateKeys(holding), longerTerms(term, holding));
        List<Rendering> renderings = new ArrayList<>();
        for (Scored candidate : scored) {
            if (renderings.size() == limit) {
                break;
            }
            renderings.add(rendering(term, holding, candidate));
        }
        offerAcronym(term, holding, scored, renderings, limit);
        return List.copyOf(renderings);
    }

    /** A candidate and its counts: units with the term and it, units with it, and its score. */
    record Scored(String key, int[] words, int both, int withRendering, double score) {
    }

    /** The units whose Chinese side holds {@code term}, in corpus order. */
    private int[] unitsHolding(String term) {
        int[] found = new int[16];
        int count = 0;
        for (int u = 0; u < units.size(); u++) {
            if (units.get(u).zh().contains(term)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = u;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The keys of the candidates in the shortest units holding the term, seen in two of them when it can. */
    private List<String> candidateKeys(int[] holding) {
        int[] sample = Arrays.stream(holding).boxed()
                .sorted(Comparator.comparingInt((Integer u) -> units.get(u).en().length()))
                .limit(SAMPLE).mapToInt(Integer::intValue).toArray();
        Map<String, Integer> seenIn = new LinkedHashMap<>();
        for (int u : sample) {
            EnglishTerms terms = tagged.computeIfAbsent(units.get(u).en(), EnglishTerms::of);
            terms.candidates().stream().map(EnglishTerms.Candidate::key).distinct()
                    .forEach(key -> seenIn.merge(key, 1, Integer::sum));
        }
        int least = sample.length >= 4 ? 2 : 1;
        return seenIn.entrySet().stream().filter(entry -> entry.getValue() >= least).map(Map.Entry::getKey).toList();
    }

    private List<Scored> score(int[] holding, List<String> keys, List<BitSet> longerTerms) {
        int least = Math.min(2, holding.length);
        List<Scored> scored = new ArrayList<>();
        for (String key : keys) {
            int[] sequence = sequence(key);
            if (sequence == null) {
                continue;
            }
            BitSet withBoth = new BitSet(holding.length);
            for (int h = 0; h < holding.length; h++) {
                if (find(holding[h], sequence) >= 0) {
                    withBoth.set(h);
                }
            }
            int both = withBoth.cardinality();
            if (both < least) {
                continue;
            }
            int withRendering = countAll(sequence);
            if (rendersALongerTerm(withBoth, holding.length, withRendering, longerTerms)) {
                continue;
            }
            scored.add(new Scored(key, sequence, both, withRendering,
                    association(both, holding.length, withRendering, units.size())));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingInt((Scored s) -> s.words().length).reversed())
                .thenComparing(Scored::key));
        return extents(scored, extensionShare);
    }

    /**
     * The longer Chinese terms that hold {@code term} in some of its units but not all: the term
     * followed by two or three Han characters or preceded by two ({@code 麻醉药品委员会} for
     * {@code 麻醉药品}), each as the set of positions in {@code holding} of the units that hold it;
     * only those shared by two units are kept.
     */
    private List<BitSet> longerTerms(String term, int[] holding) {
        Map<String, BitSet> contexts = new HashMap<>();
        for (int h = 0; h < holding.length; h++) {
            String zh = units.get(holding[h]).zh();
            for (int at = zh.indexOf(term); at >= 0; at = zh.indexOf(term, at + 1)) {
                int after = at + term.length();
                for (int length = 2; length <= 3; length++) {
                    if (after + length <= zh.length() && han(zh, after, after + length)) {
                        contexts.computeIfAbsent(term + zh.substring(after, after + length),
                                k -> new BitSet(holding.length)).set(h);
                    }
                }
                if (at >= 2 && han(zh, at - 2, at)) {
                    contexts.computeIfAbsent(zh.substring(at - 2, at) + term, k -> new BitSet(holding.length)).set(h);
                }
            }
        }
        return contexts.values().stream()
                .filter(units -> units.cardinality() >= 2 && units.cardinality() < holding.length)
                .toList();
    }

    private static boolean han(String text, int from, int to) {
        return text.substring(from, to).codePoints()
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * A candidate that goes with a longer term holding the term at least as well as with the term
     * itself (Dice) renders that longer term ({@code Commission on Narcotic Drugs} for
     * {@code 麻醉药品委员会}, not for {@code 麻醉药品}) and is not suggested for the term.
     */
    private static boolean rendersALongerTerm(BitSet withBoth, int withTerm, int withRendering,
                                              List<BitSet> longerTerms) {
        double dice = 2.0 * withBoth.cardinality() / (withTerm + withRendering);
        for (BitSet longer : longerTerms) {
            BitSet inside = (BitSet) withBoth.clone();
            inside.and(longer);
            if (2.0 * inside.cardinality() / (longer.cardinality() + withRendering) >= dice) {
                return true;
            }
        }
        return false;
    }

    /**
     * Nested candidates, after ranking: a phrase gives way to the longer phrase that holds it in most
     * of its units ({@code Member} → {@code Member States}, {@code United Nations Office on Drugs} →
     * {@code … on Drugs and Crime}), and a phrase inside a rendering already chosen, found mostly in
     * it, is a fragment and goes ({@code Council} after {@code Security Council}).
     */
    static List<Scored> extents(List<Scored> ranked, double extensionShare) {
        List<Scored> chosen = new ArrayList<>();
        boolean[] used = new boolean[ranked.size()];
        for (int i = 0; i < ranked.size(); i++) {
            if (used[i]) {
                continue;
            }
            used[i] = true;
            Scored candidate = ranked.get(i);
            Scored best = candidate;
            int bestIndex = -1;
            for (int j = 0; j < ranked.size(); j++) {
                Scored longer = ranked.get(j);
                if (!used[j] && longer.words().length > candidate.words().length
                        && longer.both() >= extensionShare * candidate.both()
                        && contains(longer.words(), candidate.words())
                        && (bestIndex < 0 || longer.score() > best.score()
                            || longer.score() == best.score() && longer.words().length > best.words().length)) {
                    best = longer;
                    bestIndex = j;
                }
            }
            if (bestIndex >= 0) {
                used[bestIndex] = true;
            }
            Scored kept = best;
            boolean fragment = chosen.stream().anyMatch(other -> other.words().length > kept.words().length
                    && other.both() >= extensionShare * kept.both() && contains(other.words(), kept.words()));
            if (!fragment) {
                chosen.add(kept);
            }
        }
        return chosen;
    }

    /** Whether {@code sequence} occurs in {@code words} as consecutive words. */
    private static boolean contains(int[] words, int[] sequence) {
        outer:
        for (int k = 0; k + sequence.length <= words.length; k++) {
            for (int m = 0; m < sequence.length; m++) {
                if (words[k + m] != sequence[m]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    double association(int both, int withTerm, int withRendering, int total) {
        return switch (measure) {
            case DICE -> 2.0 * both / (withTerm + withRendering);
            case LOG_LIKELIHOOD -> logLikelihood(both, withTerm - both, withRendering - both,
                    total - withTerm - withRendering + both);
        };
    }

    /** Dunning (1993) G² of a 2×2 table, signed by the direction of the association. */
    static double logLikelihood(long k11, long k12, long k21, long k22) {
        double n = k11 + k12 + k21 + k22;
        double g2 = 2 * (xLogX(k11) + xLogX(k12) + xLogX(k21) + xLogX(k22)
                - xLogX(k11 + k12) - xLogX(k21 + k22) - xLogX(k11 + k21) - xLogX(k12 + k22) + xLogX((long) n));
        double expected = (double) (k11 + k12) * (k11 + k21) / n;
        return k11 >= expected ? g2 : -g2;
    }

    private static double xLogX(long x) {
        return x == 0 ? 0 : x * Math.log(x);
    }

    /** The word ids of a key, or null when a word never occurs in the corpus. */
    private int[] sequence(String key) {
        String[] parts = key.split(" ");
        int[] sequence = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            Integer id = wordIds.get(parts[k]);
            if (id == null) {
                return null;
            }
            sequence[k] = id;
        }
        return sequence;
    }

    /** The first word of {@code sequence} in unit {@code u}, or -1. */
    private int find(int u, int[] sequence) {
        int[] unitWords = words[u];
        outer:
        for (int k = 0; k + sequence.length <= unitWords.length; k++) {
            for (int m = 0; m < sequence.length; m++) {
                if (unitWords[k + m] != sequence[m]) {
                    continue outer;
                }
            }
            return k;
        }
        return -1;
    }

    /** How many units hold {@code sequence}: the units of its rarest word, checked. */
    private int countAll(int[] sequence) {
        int[] rarest = postings[sequence[0]];
        for (int id : sequence) {
            if (postings[id].length < rarest.length) {
                rarest = postings[id];
            }
        }
        int count = 0;
        for (int u : rarest) {
            if (find(u, sequence) >= 0) {
                count++;
            }
        }
        return count;
    }

    private Rendering rendering(String term, int[] holding, Scored candidate) {
        int[] byLength = Arrays.stream(holding).boxed()
                .sorted(Comparator.comparingInt((Integer u) -> units.get(u).en().length()))
                .mapToInt(Integer::intValue).toArray();
        Map<String, Integer> inside = new HashMap<>();
        Map<String, Integer> initial = new HashMap<>();
        List<RenderingEvidence> evidence = new ArrayList<>();
        for (int u : byLength) {
            int k = find(u, candidate.words());
            if (k < 0) {
                continue;
            }
            ParallelUnit unit = units.get(u);
            int start = starts[u][k];
            int end = termEnd(unit.en(), ends[u][k + candidate.words().length - 1]);
            (k == 0 ? initial : inside).merge(unit.en().substring(start, end).replaceAll("\\s+", " "), 1, Integer::sum);
            if (evidence.size() < EVIDENCE) {
                int zhStart = unit.zh().indexOf(term);
                evidence.add(new RenderingEvidence(unit, zhStart, zhStart + term.length(), start, end));
            }
        }
        String english = mostFrequent(inside.isEmpty() ? initial : inside);
        return new Rendering(english, candidate.score(), candidate.both(), evidence);
    }

    private static int termEnd(String text, int end) {
        return text.startsWith("'s", end - 2) || text.startsWith("’s", end - 2) ? end - 2 : end;
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }

    /**
     * When the best rendering is followed by a bracketed acronym in the units, {@code United Nations
     * Office on Drugs and Crime (UNODC)}, the acronym is offered second: it renders the Chinese short
     * form, and translators look for it.
     */
    private void offerAcronym(String term, int[] holding, List<Scored> scored, List<Rendering> renderings, int limit) {
        if (scored.isEmpty() || limit < 2) {
            return;
        }
        Scored best = scored.get(0);
        Map<String, Integer> acronyms = new HashMap<>();
        for (int u : holding) {
            int k = find(u, best.words());
            if (k >= 0) {
                String en = units.get(u).en();
                Matcher matcher = ACRONYM_AFTER.matcher(en).region(ends[u][k + best.words().length - 1], en.length());
                if (matcher.lookingAt()) {
                    acronyms.merge(matcher.group(1), 1, Integer::sum);
                }
            }
        }
        if (acronyms.isEmpty()) {
            return;
        }
        String acronym = mostFrequent(acronyms);
        String key = EnglishWords.key(acronym);
        if (renderings.stream().anyMatch(r -> EnglishWords.key(r.english()).equals(key))) {
            return;
        }
        int[] sequence = sequence(key);
        int both = 0;
        for (int u : holding) {
            if (find(u, sequence) >= 0) {
                both++;
            }
        }
        int withRendering = countAll(sequence);
        Scored scoredAcronym = new Scored(key, sequence, both, withRendering,
                association(both, holding.length, withRendering, units.size()));
        renderings.add(1, rendering(term, holding, scoredAcronym));
        if (renderings.size() > limit) {
            renderings.remove(renderings.size() - 1);
        }
    }
}
