package org.paraterm.mining;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Boundary cleaning: a string glued to a function character or to a verb that governs it is a
 * phrase of the text, not a term; its cleaned form is a candidate of its own.
 */
final class TermBoundaries {

    private TermBoundaries() {
    }

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

    /** Two short words coordinated ("预防和打击", "批准或加入"): a phrase of the text, not a term. */
    private static final Pattern COORDINATED_PAIR =
            Pattern.compile("^..[和或及与]..");

    static boolean clean(String term) {
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

}
