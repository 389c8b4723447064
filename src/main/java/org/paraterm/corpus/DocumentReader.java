package org.paraterm.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a UN document extracted from PDF into a {@link CleanDocument}. (Work in progress: the
 * repair steps land in the following commits.)
 */
public final class DocumentReader {

    public CleanDocument read(Path file) throws IOException, UnreadableDocumentException {
        return read(file.getFileName().toString(), Files.readAllBytes(file));
    }

    public CleanDocument read(String source, byte[] bytes) throws UnreadableDocumentException {
        if (bytes.length == 0) {
            throw new UnreadableDocumentException(source, "the file is empty");
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
        Paragraph paragraph = new Paragraph(0, ParagraphKind.TEXT, null, 0, text, List.of(), List.of());
        return new CleanDocument(source, "zh", null, null, null, null, null, text, text,
                List.of(paragraph), List.of(), List.of());
    }
}
