package org.paraterm.parallel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paraterm.corpus.TextDecoder;
import org.paraterm.corpus.UnreadableDocumentException;

/**
 * Line-aligned file pairs in the format of the UN Parallel Corpus: {@code NAME.zh} and
 * {@code NAME.en}, line i of one translating line i of the other, and optionally {@code NAME.ids}
 * whose first field on line i is that line's document symbol ({@code 2015/a/69/767}).
 */
public final class LinePairs {

    private LinePairs() {
    }

    /** The Chinese file of a pair, given either of its files or its common stem. */
    public static Path chineseFile(Path anyFile) {
        String name = anyFile.getFileName().toString();
        String stem = name.endsWith(".zh") || name.endsWith(".en") ? name.substring(0, name.length() - 3)
                : name.endsWith(".ids") ? name.substring(0, name.length() - 4) : name;
        return anyFile.resolveSibling(stem + ".zh");
    }

    /**
     * Reads the pair whose Chinese file is {@code zhFile}. Both sides must have the same number of
     * lines; a line empty on one side only is an error, on both sides it is skipped.
     */
    public static List<ParallelUnit> read(Path zhFile) throws IOException, ParallelFormatException {
        String stem = zhFile.getFileName().toString().replaceFirst("\\.zh$", "");
        Path enFile = zhFile.resolveSibling(stem + ".en");
        Path idsFile = zhFile.resolveSibling(stem + ".ids");
        if (!Files.isRegularFile(enFile)) {
            throw new ParallelFormatException(zhFile, 0, "its English side " + enFile.getFileName() + " is missing");
        }
        List<String> zh = lines(zhFile);
        List<String> en = lines(enFile);
        List<String> ids = Files.isRegularFile(idsFile) ? lines(idsFile) : null;
        if (zh.size() != en.size()) {
            throw new ParallelFormatException(enFile, Math.min(zh.size(), en.size()) + 1,
                    zhFile.getFileName() + " has " + zh.size() + " lines but " + enFile.getFileName()
                            + " has " + en.size() + "; the two sides must be aligned line by line");
        }
        if (ids != null && ids.size() != zh.size()) {
            throw new ParallelFormatException(idsFile, Math.min(zh.size(), ids.size()) + 1,
                    idsFile.getFileName() + " has " + ids.size() + " lines but " + zhFile.getFileName()
                            + " has " + zh.size());
        }
        List<ParallelUnit> units = new ArrayList<>(zh.size());
        for (int i = 0; i < zh.size(); i++) {
            String zhLine = zh.get(i).strip();
            String enLine = en.get(i).strip();
            if (zhLine.isEmpty() != enLine.isEmpty()) {
                Path emptySide = zhLine.isEmpty() ? zhFile : enFile;
                throw new ParallelFormatException(emptySide, i + 1, "the line is empty but its translation is not");
            }
            if (zhLine.isEmpty()) {
                continue;
            }
            String document = ids == null ? stem : documentSymbol(ids.get(i));
            units.add(ParallelUnit.given(zhLine, enLine, document));
        }
        return units;
    }

    /** {@code 2015/a/69/767 ar:3:1 en:2:1 …} → {@code A/69/767}; other first fields as they are. */
    static String documentSymbol(String idsLine) {
        String first = idsLine.strip().split("\\s+", 2)[0];
        String symbol = first.matches("\\d{4}/.+") ? first.substring(5) : first;
        return symbol.replace('_', '.').toUpperCase(java.util.Locale.ROOT);
    }

    private static List<String> lines(Path file) throws IOException, ParallelFormatException {
        String text;
        try {
            text = TextDecoder.decode(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (UnreadableDocumentException e) {
            String message = e.getMessage();
            throw new ParallelFormatException(file, 0, message.substring(message.indexOf(": ") + 2));
        }
        return text.lines().toList();
    }
}
