package org.paraterm.mining;

import java.util.List;
import java.util.Set;

/**
 * Boundary cleaning: a string glued to a function character, to a verb that governs it or to the
 * verb of its clause is a phrase of the text, not a term; its cleaned form is a candidate of its
 * own. The lists are grammatical classes of Chinese (particles, governing verbs, adverbs, general
 * words of official prose), not strings of any one corpus.
 */
final class TermBoundaries {

    /**
     * Characters that do not begin a term: particles, conjunctions, prepositions, demonstratives
     * and the verbs that open UN clauses (请, 吁请) when glued to the term they govern.
     */
    private static final String BAD_START = "的和与及并或在对其以为将由从向于等了是这该各请也又还均所而之把被使让给就都已曾应可此每本"
            // counter words glued to the number before them ("号决议", "届会议", "日第")
            + "号届日月年第次段项条个卷时分秒点万亿元"
            // quantifiers and adverbs that open phrases ("一些国家", "同时考虑到", "相关国际", "除其他外")
            + "一同相除";
    /** Characters that do not end a term. */
    private static final String BAD_END = "的和与及并或在对其以为将由从向于了是这该各请也又还均所而之把被使让给就都已应可中等"
            // resultative and locative endings of phrases ("认识到", "范围内", "情况下", "除其他外")
            + "到内下上外时后第";

    /**
     * Verbs and prepositions that govern what follows them: the clause openers of resolutions and
     * reports ("鼓励会员国", "请联合国…") and the action verbs of official prose ("打击腐败",
     * "尊重人权"). A candidate starting with one is a verb phrase, not the name of a concept.
     */
    private static final List<String> GOVERNING = List.of(
            // prepositions and framing words
            "根据", "按照", "依照", "依据", "关于", "为了", "方面", "许多", "通过", "经由", "针对", "对于", "由于",
            // clause openers of resolutions
            "奉", "见", "邀请", "请", "吁请", "促请", "敦促", "呼吁", "欢迎", "注意到", "确认", "重申", "强调", "决定", "回顾",
            "认识到", "铭记", "鼓励", "关切", "表示", "赞扬", "赞赏", "称赞", "感谢", "深信", "相信", "承认", "申明",
            "意识到", "深感", "谴责", "支持", "核可", "赞同", "核准", "授权", "要求", "建议", "指出", "报告",
            // action verbs that take the concept as their object
            "继续", "包括", "加强", "提供", "协助", "促进", "采取", "开展", "进行", "利用", "确保", "制定", "建立",
            "实施", "执行", "应对", "处理", "打击", "尊重", "保护", "消除", "防止", "遏制", "解决", "参与", "推动",
            "改进", "改善", "提高", "增强", "扩大", "发展", "审查", "审议", "分享", "交流", "收集", "查明", "调查",
            "起诉", "惩治", "批准", "加入", "遵守", "落实", "履行", "协调", "编写", "提交", "召开", "举办", "参加");
    /** Adverbs and modals that open a verb phrase ("密切合作", "有效打击", "进一步加强"). */
    private static final List<String> ADVERBS = List.of("进一步", "密切", "有效", "充分", "积极", "切实", "大力", "共同",
            "尽可能", "尽快", "及时", "不断", "全面", "认真", "特别", "尤其", "必须", "应当", "可以", "能够", "已经",
            "正在", "仍然", "继续", "再次", "同时", "此外", "因此", "从而", "以便", "以及", "有关", "相关", "涉及");
    /**
     * Words of general official prose that are not terms however often they occur: evaluative and
     * modal predicates, degree words, generic quantities.
     */
    private static final Set<String> GENERAL_WORDS = Set.of("至关重要", "非常重要", "十分重要", "尤为重要", "必不可少",
            "有必要", "有可能", "尽可能", "进一步", "必要时", "酌情", "高级别", "各级", "一系列", "大多数", "越来越多",
            "有关方面", "相关方面", "其他方面", "有关国家", "所有国家", "此类犯罪", "这方面", "在这方面", "日益",
            "广泛", "大规模", "有效", "积极", "切实", "充分", "具体", "主要", "重要", "必要", "相关", "有关", "适当");
    /**
     * The generic heads of names (committee, council, office, republic): each stands for whichever
     * body the text is about, and is a term only as part of the full name.
     */
    private static final Set<String> GENERIC_HEADS = Set.of("委员会", "理事会", "办公室", "办事处", "共和国", "组织",
            "机构", "小组", "会议", "方案", "计划", "中心", "机制", "部门", "政府", "国家",
            "基金", "论坛", "网络", "公约", "协定", "条约", "决议", "报告");
    /** Verbs that follow the subject of a clause ("会员国强调", "会员国采取"). */
    private static final List<String> CLAUSE_ENDS = List.of("强调", "决定", "注意到", "确认", "重申", "回顾", "认识到",
            "鼓励", "吁请", "促请", "敦促", "呼吁", "欢迎", "表示", "采取", "采用", "制定", "认为", "指出", "报告",
            "建议", "要求", "支持", "参加", "参与", "考虑", "同意", "承诺", "致力于", "负责", "应当", "必须", "可以",
            "能够", "已经", "正在", "打击");
    /** Words that end a phrase rather than a term ("…继续", "…方面"). */
    private static final List<String> PHRASE_ENDS = List.of("根据", "之间", "继续", "进行", "开展", "提供", "方面", "情况",
            "工作", "努力", "能力", "作用", "问题", "活动", "一个", "领域", "范围", "期间", "以来", "之一", "之后", "之前");
    /** Connectors inside a string join two phrases ("联合国特别是联合国毒品…", "…以及…"). */
    private static final List<String> CONNECTORS = List.of("特别是", "尤其是", "包括", "以及", "以便", "从而", "并且",
            "继续", "考虑", "其中");

    /** Two short words coordinated ("预防和打击", "批准或加入"): a phrase of the text, not a term. */
    private static final String COORDINATING = "和或及与";

    /**
     * The lists again, as sets to look a string up in one step: the miner asks about hundreds of
     * thousands of strings, and a scan of every list for each was a tenth of its time.
     */
    private static final Set<String> WHOLE_WORDS = union(GENERAL_WORDS, GENERIC_HEADS, GOVERNING, ADVERBS,
            CLAUSE_ENDS, PHRASE_ENDS);
    private static final Set<String> OPENERS = union(GOVERNING, ADVERBS);
    private static final Set<String> CLOSERS = union(CLAUSE_ENDS, PHRASE_ENDS);
    private static final int LONGEST_OPENER = longest(OPENERS);
    private static final int LONGEST_CLOSER = longest(CLOSERS);

    private TermBoundaries() {
    }

    static boolean clean(String term) {
        int length = term.length();
        // The cheapest tests first: they turn most strings away. Every test only rejects, so their
        // order does not change the answer.
        if (BAD_START.indexOf(term.charAt(0)) >= 0 || BAD_END.indexOf(term.charAt(length - 1)) >= 0) {
            return false;
        }
        if (WHOLE_WORDS.contains(term)) {
            return false;
        }
        if (length >= 5 && length <= 9 && COORDINATING.indexOf(term.charAt(2)) >= 0) {
            return false;
        }
        if (length >= 3 && term.endsWith("地") && !term.endsWith("土地") && !term.endsWith("基地")) {
            // The adverbial 地 of "更好地", "有效地": it qualifies the verb that follows.
            return false;
        }
        for (String connector : CONNECTORS) {
            if (term.contains(connector) && length > connector.length()) {
                return false;
            }
        }
        return !startsWithAny(term) && !endsWithAny(term);
    }

    /** Whether the string begins with a governing verb or an adverb and goes on after it. */
    private static boolean startsWithAny(String term) {
        for (int length = 1; length <= LONGEST_OPENER && length < term.length(); length++) {
            if (OPENERS.contains(term.substring(0, length))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the string ends with the verb of a clause or a phrase word, with something before it. */
    private static boolean endsWithAny(String term) {
        for (int length = 1; length <= LONGEST_CLOSER && length < term.length(); length++) {
            if (CLOSERS.contains(term.substring(term.length() - length))) {
                return true;
            }
        }
        return false;
    }

    @SafeVarargs
    private static Set<String> union(java.util.Collection<String>... lists) {
        Set<String> all = new java.util.HashSet<>();
        for (java.util.Collection<String> list : lists) {
            all.addAll(list);
        }
        return Set.copyOf(all);
    }

    private static int longest(Set<String> words) {
        return words.stream().mapToInt(String::length).max().orElse(0);
    }
}
