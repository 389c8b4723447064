package org.paraterm.mining;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paraterm.corpus.CleanDocument;

/**
 * Mines term candidates from cleaned Chinese documents, as a list of steps: cut sentences into Han
 * segments, count repeated strings with a suffix array, drop strings glued to function characters,
 * measure boundary freedom and cohesion, discount strings that live inside one longer candidate,
 * rank. The formula is in docs/02-term-mining.md.
 */
public final class TermMiner {

    /**
     * Characters that do not begin a term: particles, conjunctions, prepositions and the verbs that
     * open UN clauses (请, 吁请, 鼓励) when glued to the term they govern.
     */
    private static final String BAD_START = "的和与及并或在对其以为将由从向于等了是这该各请也又还均所而之把被使让给就都已曾应可"
            // counter words glued to the number before them ("号决议", "届会议", "日第")
            + "号届日月年第次段项条个卷"
            // quantifiers and adverbs that open phrases ("一些国家", "同时考虑到", "相关国际", "除其他外")
            + "一同相除";
    /** Characters that do not end a term. */
    private static final String BAD_END = "的和与及并或在对其以为将由从向于了是这该各请也又还均所而之把被使让给就都已应可中等"
            // resultative and locative endings of phrases ("认识到", "范围内", "情况下", "除其他外")
            + "到内下上外时后第";

    /**
     * Verbs that open the clauses of resolutions and reports, glued to the term they govern
     * ("鼓励会员国", "请联合国…"); a candidate starting with one is a phrase, not a term.
     */
    private static final List<String> CLAUSE_VERBS = List.of("根据", "按照", "依照", "关于", "为了", "方面", "许多", "邀请", "请", "吁请", "促请", "敦促", "呼吁", "欢迎", "注意到", "确认",
            "重申", "强调", "决定", "回顾", "认识到", "铭记", "鼓励", "关切", "表示", "继续", "包括", "通过", "加强", "提供",
            "支持", "协助", "促进", "采取", "开展", "进行", "利用", "确保", "制定", "建立", "实施", "执行", "应对", "处理");
    /** Words that end a phrase rather than a term ("…继续", "…方面"). */
    private static final List<String> PHRASE_ENDS = List.of("根据", "之间", "继续", "进行", "开展", "提供", "方面", "情况", "工作", "努力",
            "能力", "作用", "问题", "活动", "一个");

    private final MiningSettings settings;

    public TermMiner(MiningSettings settings) {
        this.settings = settings;
    }

    public List<Candidate> mine(List<CleanDocument> documents) {
        List<Segment> segments = SegmentExtractor.segments(documents);
        RepeatCounter counter = new RepeatCounter(segments);
        List<RepeatCounter.Repeat> repeats = counter.repeats(settings.minFreq(), MiningSettings.MAX_LENGTH);
        Map<String, Integer> frequency = new HashMap<>();
        for (RepeatCounter.Repeat repeat : repeats) {
            frequency.put(repeat.text(), repeat.frequency());
        }
        Map<Character, Integer> characters = characterCounts(counter.text());
        long total = counter.text().length();

        List<Candidate> candidates = new ArrayList<>();
        for (RepeatCounter.Repeat repeat : repeats) {
            String term = repeat.text();
            if (!hasTermBoundaries(term)) {
                continue;
            }
            Map<Character, Integer> left = new HashMap<>();
            Map<Character, Integer> right = new HashMap<>();
            int leftEdges = 0;
            int rightEdges = 0;
            for (int r = repeat.from(); r < repeat.to(); r++) {
                int position = counter.position(r);
                char before = position == 0 ? RepeatCounter.SEPARATOR : counter.text().charAt(position - 1);
                char after = counter.text().charAt(position + term.length());
                if (before == RepeatCounter.SEPARATOR) {
                    leftEdges++;
                } else {
                    left.merge(before, 1, Integer::sum);
                }
                if (after == RepeatCounter.SEPARATOR) {
                    rightEdges++;
                } else {
                    right.merge(after, 1, Integer::sum);
                }
            }
            double leftEntropy = entropy(left, leftEdges, repeat.frequency());
            double rightEntropy = entropy(right, rightEdges, repeat.frequency());
            double boundary = Math.min(leftEntropy, rightEntropy);
            if (boundary <= 0.3) {
                continue;
            }
            // Evidence and cohesion only for the strings that pass the boundary test.
            Set<Integer> documentsUsing = new HashSet<>();
            List<Occurrence> occurrences = new ArrayList<>(repeat.frequency());
            for (int r = repeat.from(); r < repeat.to(); r++) {
                int position = counter.position(r);
                Segment segment = segments.get(counter.segmentAt(position));
                documentsUsing.add(segment.document());
                occurrences.add(new Occurrence(segment.document(), segment.sentence(),
                        segment.offset() + counter.offsetInSegment(position)));
            }
            double cohesion = cohesion(term, frequency, characters, total);
            double score = settings.frequencyWeight() * Math.log(1 + repeat.frequency()) / Math.log(2)
                    * Math.pow(documentsUsing.size(), settings.spreadWeight() * 0.5)
                    * Math.pow(boundary, settings.boundaryWeight())
                    * Math.pow(Math.max(0.1, Math.min(cohesion, 12) / 12), settings.cohesionWeight())
                    * lengthWeight(term.length())
                    // "提出请求的会员国": a string with 的 inside is more often a phrase than a name.
                    * (term.indexOf('的') > 0 ? 0.5 : 1.0);
            candidates.add(new Candidate(term, repeat.frequency(), documentsUsing.size(), score, leftEntropy,
                    rightEntropy, cohesion, occurrences));
        }
        candidates = NestedTermDiscount.apply(candidates);
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::term));
        return candidates;
    }

    /** Two short words coordinated ("预防和打击", "批准或加入"): a phrase of the text, not a term. */
    private static final java.util.regex.Pattern COORDINATED_PAIR =
            java.util.regex.Pattern.compile("^..[和或及与]..");

    private static boolean hasTermBoundaries(String term) {
        if (COORDINATED_PAIR.matcher(term).find() && term.length() <= 9) {
            return false;
        }
        if (term.contains("继续") || term.contains("考虑")) {
            // "…办公室继续支持", "会员国考虑批准或加入": a clause, whatever surrounds it.
            return false;
        }
        if (BAD_START.indexOf(term.charAt(0)) >= 0 || BAD_END.indexOf(term.charAt(term.length() - 1)) >= 0) {
            return false;
        }
        for (String verb : CLAUSE_VERBS) {
            if (term.startsWith(verb) && term.length() > verb.length()) {
                return false;
            }
        }
        for (String end : PHRASE_ENDS) {
            if (term.endsWith(end) && term.length() > end.length()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two characters are mostly ordinary words (包括, 加强) and three often are; terms are mostly
     * compounds of four or more. Longer strings need their frequency less to be believed.
     */
    private static double lengthWeight(int length) {
        return switch (length) {
            case 2 -> 0.05;
            case 3 -> 0.8;
            default -> Math.log(1 + length) / Math.log(5);
        };
    }

    /**
     * Entropy of the neighbouring characters; each segment edge counts as a different neighbour,
     * since a punctuation mark or bracket there is the freest boundary there is.
     */
    private static double entropy(Map<Character, Integer> neighbours, int edges, int total) {
        double h = 0;
        for (int count : neighbours.values()) {
            double p = (double) count / total;
            h -= p * Math.log(p) / Math.log(2);
        }
        if (edges > 0) {
            double p = 1.0 / total;
            h -= edges * p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** The smallest pointwise mutual information over the ways of cutting the term in two. */
    private static double cohesion(String term, Map<String, Integer> frequency, Map<Character, Integer> characters,
                                   long total) {
        double f = frequency.getOrDefault(term, 1);
        double weakest = Double.MAX_VALUE;
        for (int cut = 1; cut < term.length(); cut++) {
            double a = count(term.substring(0, cut), frequency, characters);
            double b = count(term.substring(cut), frequency, characters);
            double pmi = Math.log(f * total / (a * b)) / Math.log(2);
            weakest = Math.min(weakest, pmi);
        }
        return weakest;
    }

    private static double count(String part, Map<String, Integer> frequency, Map<Character, Integer> characters) {
        if (part.length() == 1) {
            return characters.getOrDefault(part.charAt(0), 1);
        }
        return frequency.getOrDefault(part, 1);
    }

    private static Map<Character, Integer> characterCounts(String text) {
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < text.length(); i++) {
            counts.merge(text.charAt(i), 1, Integer::sum);
        }
        return counts;
    }
}
