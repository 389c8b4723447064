package org.paraterm.parallel;

/** The UN Parallel Corpus development set that ships in {@code glossary/corpus/parallel/unpc-dev}. */
public final class BundledParallel {

    /** Its source name in the parallel store. */
    public static final String SOURCE = "unpc-dev";
    /** Its Chinese file; the English and the document ids lie beside it. */
    public static final String CHINESE_FILE = "UNv1.0.devset.zh";

    private BundledParallel() {
    }
}
