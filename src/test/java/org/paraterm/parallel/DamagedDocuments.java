package org.paraterm.parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Test documents for the aligner from the UNPC development set (real, line-aligned UN text): the
 * lines of each document id in their order in the English original, then damaged the way document
 * pairs differ, with the true links kept.
 */
final class DamagedDocuments {

    static final Path FOLDER = Path.of("glossary/corpus/parallel/unpc-dev");

    /** One line pair of the development set. */
    record Line(String zh, String en) {
    }

    /** A damaged document pair and its true links, {@code zh * 1_000_000 + en}. */
    record Damaged(String name, List<String> zh, List<String> en, Set<Long> links) {
    }

    /** What was done to the lines: the share of lines affected by each kind of damage. */
    record Damage(double drop, double split, double merge) {
        static final Damage NONE = new Damage(0, 0, 0);
    }

    private DamagedDocuments() {
    }

    /**
     * The development set as documents: every line of one document id, ordered by its line number
     * in the English original (the {@code en:LINE:COUNT} field of the .ids file), documents in
     * order of first appearance. Consecutive lines of one id are at most three in this set, so the
     * lines of an id are gathered wherever they are.
     */
    static List<List<Line>> documents() {
        try {
            List<String> zh = Files.readAllLines(FOLDER.resolve("UNv1.0.devset.zh"), StandardCharsets.UTF_8);
            List<String> en = Files.readAllLines(FOLDER.resolve("UNv1.0.devset.en"), StandardCharsets.UTF_8);
            List<String> ids = Files.readAllLines(FOLDER.resolve("UNv1.0.devset.ids"), StandardCharsets.UTF_8);
            Map<String, List<int[]>> byDocument = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                if (zh.get(i).isBlank()) {
                    continue;
                }
                String[] fields = ids.get(i).split("\\s+");
                int enLine = 0;
                for (String field : fields) {
                    if (field.startsWith("en:")) {
                        enLine = Integer.parseInt(field.split(":")[1]);
                    }
                }
                byDocument.computeIfAbsent(fields[0], d -> new ArrayList<>()).add(new int[] {enLine, i});
            }
            List<List<Line>> documents = new ArrayList<>();
            for (List<int[]> lines : byDocument.values()) {
                lines.sort((a, b) -> Integer.compare(a[0], b[0]));
                documents.add(lines.stream().map(l -> new Line(zh.get(l[1]).strip(), en.get(l[1]).strip())).toList());
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents concatenated into long ones of about {@code size} lines each. */
    static List<List<Line>> concatenated(List<List<Line>> documents, int size) {
        List<List<Line>> long_ = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        for (List<Line> document : documents) {
            current.addAll(document);
            if (current.size() >= size) {
                long_.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            long_.add(current);
        }
        return long_;
    }

    /**
     * Damages one document: each line, with the given chances, loses one side (the truth becomes
     * 1–0 or 0–1), has one side split at the comma nearest its middle (1–2 or 2–1), or has one side
     * merged with the next line's (2–1 or 1–2); the side is chosen at random.
     */
    static Damaged damage(String name, List<Line> lines, Damage damage, Random random) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        Set<Long> links = new HashSet<>();
        for (int k = 0; k < lines.size(); k++) {
            Line line = lines.get(k);
            double r = random.nextDouble();
            boolean chineseSide = random.nextBoolean();
            if (r < damage.drop()) {
                (chineseSide ? en : zh).add(chineseSide ? line.en() : line.zh());
                continue;
            }
            r -= damage.drop();
            if (r < damage.split()) {
                String[] parts = chineseSide ? split(line.zh(), "，") : split(line.en(), ", ");
                if (parts != null) {
                    List<String> splitSide = chineseSide ? zh : en;
                    List<String> wholeSide = chineseSide ? en : zh;
                    int whole = wholeSide.size();
                    wholeSide.add(chineseSide ? line.en() : line.zh());
                    for (String part : parts) {
                        link(links, chineseSide, splitSide.size(), whole);
                        splitSide.add(part);
                    }
                    continue;
                }
            }
            r -= damage.split();
            if (r < damage.merge() && k + 1 < lines.size()) {
                Line next = lines.get(k + 1);
                List<String> mergedSide = chineseSide ? zh : en;
                List<String> otherSide = chineseSide ? en : zh;
                int merged = mergedSide.size();
                mergedSide.add(chineseSide ? line.zh() + next.zh() : line.en() + " " + next.en());
                for (Line part : List.of(line, next)) {
                    link(links, chineseSide, merged, otherSide.size());
                    otherSide.add(chineseSide ? part.en() : part.zh());
                }
                k++;
                continue;
            }
            links.add(link(zh.size(), en.size()));
            zh.add(line.zh());
            en.add(line.en());
        }
        return new Damaged(name, zh, en, links);
    }

    private static void link(Set<Long> links, boolean firstIsChinese, int first, int second) {
        links.add(firstIsChinese ? link(first, second) : link(second, first));
    }

    static long link(int zh, int en) {
        return zh * 1_000_000L + en;
    }

    /** The two halves of a sentence cut after the separator nearest its middle, or null. */
    private static String[] split(String sentence, String separator) {
        int best = -1;
        for (int at = sentence.indexOf(separator); at >= 0; at = sentence.indexOf(separator, at + 1)) {
            int cut = at + separator.length();
            if (cut >= 8 && sentence.length() - cut >= 8
                    && (best < 0 || Math.abs(cut - sentence.length() / 2) < Math.abs(best - sentence.length() / 2))) {
                best = cut;
            }
        }
        return best < 0 ? null : new String[] {sentence.substring(0, best).strip(), sentence.substring(best).strip()};
    }
}
