package org.paraterm.corpus;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structure and the metadata of a document from its cleaned paragraphs, never from
 * its file name: which paragraph is the title, which are front matter, preamble, operative or
 * numbered paragraphs, and the symbol, date, issuing body and type.
 */
final class DocumentStructure {

    private static final int FRONT_WINDOW = 12;

    private static final Pattern LABEL = Pattern.compile(
            "^(\\d{1,3}\\.|\\((?:[a-z]{1,2}|[ivx]{1,6})\\)|[一二三四五六七八九十]{1,3}\\.|[A-Z]\\.)(?=\\s)");
    /** "75/10. 联合国同…" (General Assembly) or "2019/21. 联合国毒品…" (Economic and Social Council). */
    private static final Pattern RESOLUTION_TITLE = Pattern.compile("^(\\d{2,3}|\\d{4})/(\\d{1,3})\\.\\s*(.+)$");
    private static final Pattern ORGAN_LINE = Pattern.compile(
            "^(大会|安全理事会|经济及社会理事会|人权理事会|The General Assembly|General Assembly|The Security Council"
                    + "|Security Council|The Economic and Social Council|Economic and Social Council|"
                    + "The Human Rights Council)[，,]?$");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern ENGLISH_DATE = Pattern.compile(
            "\\b(\\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\\d{4})\\b");
    private static final Pattern CLOSING = Pattern.compile(
            "^(\\d{4}年\\d{1,2}月\\d{1,2}日|第\\d+次全体会议|\\d+(st|nd|rd|th) plenary meeting|"
                    + "\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4})$");
    private static final Pattern SG_REPORT = Pattern.compile("^(秘书长的报告|秘书长报告|Report of the Secretary-General)$");
    private static final Pattern DRAFT = Pattern.compile("决议草案|[Dd]raft resolution");

    private final List<String> paragraphs;
    private final ParagraphKind[] kinds;
    private final String[] labels;
    private int titleIndex = -1;
    private String title;
    private String symbol;
    private String body;
    private String type;
    private LocalDate date;

    private DocumentStructure(List<String> paragraphs) {
        this.paragraphs = paragraphs;
        this.kinds = new ParagraphKind[paragraphs.size()];
        this.labels = new String[paragraphs.size()];
    }

    static DocumentStructure analyse(List<String> paragraphs, List<String> headerSymbols) {
        DocumentStructure structure = new DocumentStructure(paragraphs);
        structure.findLabels();
        structure.findTitle();
        structure.findSymbol(headerSymbols);
        structure.findBodyAndType();
        structure.assignKinds();
        structure.findDate();
        return structure;
    }

    ParagraphKind kind(int paragraph) {
        return kinds[paragraph];
    }

    String label(int paragraph) {
        return labels[paragraph];
    }

    String title() {
        return title;
    }

    String symbol() {
        return symbol;
    }

    String body() {
        return body;
    }

    String type() {
        return type;
    }

    LocalDate date() {
        return date;
    }

    private void findLabels() {
        for (int i = 0; i < paragraphs.size(); i++) {
            Matcher label = LABEL.matcher(paragraphs.get(i));
            labels[i] = label.find() ? label.group(1) : null;
        }
    }

    private void findTitle() {
        int window = Math.min(FRONT_WINDOW, paragraphs.size());
        for (int i = 0; i < window; i++) {
            Matcher resolution = RESOLUTION_TITLE.matcher(paragraphs.get(i));
            if (resolution.matches()) {
                titleIndex = i;
                title = resolution.group(3);
                return;
            }
        }
        for (int i = 0; i + 1 < window; i++) {
            if (DRAFT.matcher(paragraphs.get(i)).find() && paragraphs.get(i).length() < 40) {
                setTitle(i + 1);
                return;
            }
        }
        for (int i = 1; i < window; i++) {
            if (SG_REPORT.matcher(paragraphs.get(i)).matches()) {
                setTitle(i - 1);
                return;
            }
        }
        for (int i = 0; i < window; i++) {
            String p = paragraphs.get(i);
            if (!ORGAN_LINE.matcher(p).matches() && !CLOSING.matcher(p).matches() && p.length() > 4) {
                setTitle(i);
                return;
            }
        }
    }

    private void setTitle(int index) {
        titleIndex = index;
        title = paragraphs.get(index);
    }

    private void findSymbol(List<String> headerSymbols) {
        Map<String, Integer> counts = new HashMap<>();
        for (String header : headerSymbols) {
            counts.merge(header, 1, Integer::sum);
        }
        symbol = counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        if (symbol != null || titleIndex < 0) {
            return;
        }
        Matcher resolution = RESOLUTION_TITLE.matcher(paragraphs.get(titleIndex));
        if (resolution.matches()) {
            String number = resolution.group(1) + "/" + resolution.group(2);
            boolean council = resolution.group(1).length() == 4 || organ().startsWith("经济及社会理事会")
                    || organ().contains("Economic and Social Council");
            symbol = (council ? "E/RES/" : "A/RES/") + number;
        }
    }

    /** The organ line right after the title ("大会，", "经济及社会理事会"), or "". */
    private String organ() {
        for (int i = Math.max(0, titleIndex + 1); i < Math.min(paragraphs.size(), titleIndex + 4); i++) {
            if (ORGAN_LINE.matcher(paragraphs.get(i)).matches()) {
                return paragraphs.get(i);
            }
        }
        return "";
    }

    private void findBodyAndType() {
        boolean sgReport = false;
        boolean draft = false;
        int window = Math.min(FRONT_WINDOW, paragraphs.size());
        for (int i = 0; i < window; i++) {
            sgReport |= SG_REPORT.matcher(paragraphs.get(i)).matches();
            draft |= i <= titleIndex && DRAFT.matcher(paragraphs.get(i)).find();
        }
        if (sgReport) {
            body = "Secretary-General's report";
            type = "report";
            return;
        }
        String prefix = symbol == null ? "" : symbol;
        if (prefix.startsWith("A/HRC/")) {
            body = "Human Rights Council";
        } else if (prefix.startsWith("A/")) {
            body = "General Assembly";
        } else if (prefix.startsWith("E/")) {
            body = "Economic and Social Council";
        } else if (prefix.startsWith("S/")) {
            body = "Security Council";
        } else {
            body = organBody(organ());
        }
        if (draft || prefix.matches(".*/L\\.\\d+.*")) {
            type = "draft resolution";
        } else if (prefix.contains("/RES/")) {
            type = "resolution";
        }
    }

    private static String organBody(String organ) {
        if (organ.contains("大会") || organ.contains("General Assembly")) {
            return "General Assembly";
        }
        if (organ.contains("经济及社会理事会") || organ.contains("Economic and Social")) {
            return "Economic and Social Council";
        }
        if (organ.contains("安全理事会") || organ.contains("Security Council")) {
            return "Security Council";
        }
        return null;
    }

    private void assignKinds() {
        boolean resolution = type != null && type.contains("resolution");
        boolean operative = false;
        int closingFrom = paragraphs.size();
        while (closingFrom > 0 && CLOSING.matcher(paragraphs.get(closingFrom - 1)).matches()) {
            closingFrom--;
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            String text = paragraphs.get(i);
            String label = labels[i];
            if (i < titleIndex) {
                kinds[i] = ParagraphKind.FRONT;
            } else if (i == titleIndex) {
                kinds[i] = ParagraphKind.TITLE;
            } else if (i >= closingFrom) {
                kinds[i] = ParagraphKind.CLOSING;
            } else if (SG_REPORT.matcher(text).matches() || (titleIndex >= 0 && i <= titleIndex + 2
                    && text.length() < 40 && DRAFT.matcher(text).find())) {
                kinds[i] = ParagraphKind.FRONT;
            } else if (ORGAN_LINE.matcher(text).matches() || isHeading(text, label)) {
                kinds[i] = ParagraphKind.HEADING;
            } else if (resolution) {
                operative |= "1.".equals(label);
                kinds[i] = operative ? ParagraphKind.OPERATIVE : ParagraphKind.PREAMBULAR;
            } else if (label != null && label.matches("\\d+\\.")) {
                kinds[i] = ParagraphKind.NUMBERED;
            } else {
                kinds[i] = ParagraphKind.TEXT;
            }
        }
    }

    /** A short line under a chapter or section letter, without the punctuation that ends a clause. */
    private static boolean isHeading(String text, String label) {
        if (label == null || label.matches("\\d+\\.") || label.startsWith("(")) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return text.length() <= 40 && !Chars.isClauseEnd(last);
    }

    private void findDate() {
        for (int i = paragraphs.size() - 1; i >= 0 && date == null; i--) {
            if (kinds[i] == ParagraphKind.CLOSING || kinds[i] == ParagraphKind.FRONT) {
                date = parseDate(paragraphs.get(i));
            }
        }
    }

    private static LocalDate parseDate(String text) {
        Matcher chinese = CHINESE_DATE.matcher(text);
        try {
            if (chinese.find()) {
                return LocalDate.of(Integer.parseInt(chinese.group(1)), Integer.parseInt(chinese.group(2)),
                        Integer.parseInt(chinese.group(3)));
            }
            Matcher english = ENGLISH_DATE.matcher(text);
            if (english.find()) {
                return LocalDate.parse(english.group(), DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
            }
        } catch (java.time.DateTimeException | NumberFormatException notADate) {
            return null;
        }
        return null;
    }
}
