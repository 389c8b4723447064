package org.paraterm.mining;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists of numbers stored as one binary column instead of one row each: every number is the
 * difference to the one before it (the lists are sorted, so differences are small and never
 * negative), written in 7-bit groups, low group first, the high bit set on every byte but a
 * number's last (LEB128). A candidate's occurrences take about 4 bytes each this way, where a row
 * per occurrence cost about a hundred bytes on disk and most of the time of storing a mining run
 * (docs/scaling.md).
 */
public final class PackedNumbers {

    /** An occurrence as stored: the document's database id, the sentence's index in it, the character offset in its text. */
    public record Position(long document, int sentence, int offset) {
    }

    /** An example sentence as stored: the document's database id, the sentence's index in it, the term's offset in the sentence. */
    public record ContextPosition(long document, int sentence, int termStart) {
    }

    /** How often something occurs in one document: the document's database id and the count. */
    public record Count(long document, int count) {
    }

    private PackedNumbers() {
    }

    /** Counts per document, ordered by document id: the differences of the ids, each followed by its count. */
    public static byte[] counts(List<Count> counts) {
        Count[] sorted = counts.toArray(Count[]::new);
        Arrays.sort(sorted, (a, b) -> Long.compare(a.document(), b.document()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 * sorted.length);
        long document = 0;
        for (Count c : sorted) {
            if (c.document() < 0 || c.count() < 0 || c.document() == document && c != sorted[0]) {
                throw new IllegalArgumentException("negative or repeated count " + c);
            }
            write(out, c.document() - document);
            write(out, c.count());
            document = c.document();
        }
        return out.toByteArray();
    }

    /** The counts {@link #counts(List)} packed, ordered by document id. */
    public static List<Count> counts(byte[] packed) {
        List<Count> counts = new ArrayList<>();
        int[] at = {0};
        long document = 0;
        while (at[0] < packed.length) {
            document += read(packed, at);
            counts.add(new Count(document, Math.toIntExact(read(packed, at))));
        }
        return counts;
    }

    /**
     * A candidate's example sentences in the order given (best first), three plain numbers each:
     * there are at most a handful, so differences would save nothing.
     */
    public static byte[] contexts(List<ContextPosition> contexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 * contexts.size());
        for (ContextPosition c : contexts) {
            if (c.document() < 0 || c.sentence() < 0 || c.termStart() < 0) {
                throw new IllegalArgumentException("negative context position " + c);
            }
            write(out, c.document());
            write(out, c.sentence());
            write(out, c.termStart());
        }
        return out.toByteArray();
    }

    /** The example sentences {@link #contexts(List)} packed, in their order. */
    public static List<ContextPosition> contexts(byte[] packed) {
        List<ContextPosition> contexts = new ArrayList<>();
        int[] at = {0};
        while (at[0] < packed.length) {
            long document = read(packed, at);
            int sentence = Math.toIntExact(read(packed, at));
            contexts.add(new ContextPosition(document, sentence, Math.toIntExact(read(packed, at))));
        }
        return contexts;
    }

    /**
     * A candidate's occurrences, ordered by document id, then offset: per occurrence the
     * difference of document ids, then of sentence indexes (zigzag: 0, -1, 1, -2 … as 0, 1, 2, 3 …,
     * since only offsets are sure to ascend) and of offsets, both counted from 0 again when the
     * document changes.
     */
    public static byte[] positions(List<Position> positions) {
        Position[] sorted = positions.toArray(Position[]::new);
        Arrays.sort(sorted, (a, b) -> a.document() != b.document() ? Long.compare(a.document(), b.document())
                : a.offset() != b.offset() ? Integer.compare(a.offset(), b.offset())
                : Integer.compare(a.sentence(), b.sentence()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 * sorted.length + 4);
        long document = 0;
        int sentence = 0;
        int offset = 0;
        for (Position p : sorted) {
            if (p.document() < 0 || p.sentence() < 0 || p.offset() < 0) {
                throw new IllegalArgumentException("negative position " + p);
            }
            if (p.document() != document) {
                sentence = 0;
                offset = 0;
            }
            write(out, p.document() - document);
            write(out, zigzag(p.sentence() - sentence));
            write(out, p.offset() - offset);
            document = p.document();
            sentence = p.sentence();
            offset = p.offset();
        }
        return out.toByteArray();
    }

    /** The occurrences {@link #positions(List)} packed, in its order (document id, then offset). */
    public static List<Position> positions(byte[] packed) {
        List<Position> positions = new ArrayList<>();
        int[] at = {0};
        long document = 0;
        int sentence = 0;
        int offset = 0;
        while (at[0] < packed.length) {
            long documentStep = read(packed, at);
            if (documentStep != 0) {
                sentence = 0;
                offset = 0;
            }
            document += documentStep;
            long step = read(packed, at);
            sentence += Math.toIntExact((step >>> 1) ^ -(step & 1));
            offset += Math.toIntExact(read(packed, at));
            positions.add(new Position(document, sentence, offset));
        }
        return positions;
    }

    /** Whole numbers in ascending order (duplicates allowed), as differences. */
    public static byte[] ascending(int[] sortedValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 * sortedValues.length + 4);
        int previous = 0;
        for (int value : sortedValues) {
            if (value < previous) {
                throw new IllegalArgumentException("not ascending at " + value);
            }
            write(out, value - previous);
            previous = value;
        }
        return out.toByteArray();
    }

    /** The numbers {@link #ascending(int[])} packed. */
    public static int[] ascending(byte[] packed) {
        int[] values = new int[packed.length];
        int count = 0;
        int[] at = {0};
        int previous = 0;
        while (at[0] < packed.length) {
            previous += Math.toIntExact(read(packed, at));
            values[count++] = previous;
        }
        return Arrays.copyOf(values, count);
    }

    private static void write(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long read(byte[] packed, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            if (at[0] >= packed.length || shift > 63) {
                throw new IllegalArgumentException("packed numbers end inside a number at byte " + at[0]);
            }
            byte b = packed[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }
}
