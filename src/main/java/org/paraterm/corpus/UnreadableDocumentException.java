package org.paraterm.corpus;

/** A file that cannot be read as a document: empty, binary, or in no known encoding. */
public class UnreadableDocumentException extends Exception {

    private final String source;

    public UnreadableDocumentException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
