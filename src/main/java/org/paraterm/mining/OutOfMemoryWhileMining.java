package org.paraterm.mining;

import java.util.Locale;

/**
 * The heap ran out while mining: says how large the corpus was, how large the heap, and how large
 * a heap this corpus needs. Mining is the one step whose memory grows with the whole corpus
 * (docs/scaling.md), so it is where a growing corpus first outgrows a heap.
 *
 * <p>The estimate is {@value #HEAP_BYTES_PER_TEXT_BYTE} bytes of heap per byte of text plus
 * {@value #SERVER_MEGABYTES} MB for the server, rounded up to a quarter gigabyte. Measured
 * (docs/scaling.md): 200 MB of text mined within a 4 GB heap, the heap reaching 3.76 GB before a
 * collection and at most 2.69 GB live after one; 20 bytes per byte covers the peak with a little
 * room. Real UN text repeats more than the grown text measured there and needs less.
 */
public final class OutOfMemoryWhileMining extends OutOfMemoryError {

    static final int HEAP_BYTES_PER_TEXT_BYTE = 20;
    static final int SERVER_MEGABYTES = 256;
    private static final long MB = 1L << 20;

    private final long neededHeapBytes;

    public OutOfMemoryWhileMining(int documents, long textBytes, long maxHeapBytes, OutOfMemoryError cause) {
        super(message(documents, textBytes, maxHeapBytes));
        this.neededHeapBytes = neededHeap(textBytes);
        initCause(cause);
    }

    /** The heap the estimate asks for, in bytes. */
    public long neededHeapBytes() {
        return neededHeapBytes;
    }

    /** The heap for mining a corpus of {@code textBytes}: see the class comment. */
    static long neededHeap(long textBytes) {
        long bytes = HEAP_BYTES_PER_TEXT_BYTE * textBytes + SERVER_MEGABYTES * MB;
        long quarter = 256 * MB;
        return (bytes + quarter - 1) / quarter * quarter;
    }

    /** A {@code -Xmx} value for a number of bytes that is a whole number of megabytes. */
    static String xmx(long bytes) {
        long megabytes = bytes / MB;
        return megabytes % 1024 == 0 ? "-Xmx" + megabytes / 1024 + "g" : "-Xmx" + megabytes + "m";
    }

    static String size(long bytes) {
        if (bytes >= 1024 * MB) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1024 * MB));
        }
        return String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(bytes / (double) MB)));
    }

    private static String message(int documents, long textBytes, long maxHeapBytes) {
        long needed = neededHeap(textBytes);
        return String.format(Locale.ROOT, "out of memory while mining %,d documents (%s) with a %s heap; start java with"
                + " %s (about %s for this corpus: mining takes about %d bytes of heap per byte of text, docs/scaling.md)",
                documents, size(textBytes), size(maxHeapBytes), xmx(needed), size(needed), HEAP_BYTES_PER_TEXT_BYTE);
    }
}
