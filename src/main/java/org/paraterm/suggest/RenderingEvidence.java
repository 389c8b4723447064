package org.paraterm.suggest;

import org.paraterm.parallel.ParallelUnit;

/**
 * One unit that shows a rendering, with half-open UTF-16 character ranges for highlighting: the
 * Chinese term is {@code unit.zh()[zhStart, zhEnd)}, the rendering {@code unit.en()[enStart, enEnd)}.
 */
public record RenderingEvidence(ParallelUnit unit, int zhStart, int zhEnd, int enStart, int enEnd) {

    public RenderingEvidence {
        if (zhStart < 0 || zhEnd < zhStart || zhEnd > unit.zh().length()) {
            throw new IllegalArgumentException("not a span of the Chinese side: [" + zhStart + ", " + zhEnd + ")");
        }
        if (enStart < 0 || enEnd < enStart || enEnd > unit.en().length()) {
            throw new IllegalArgumentException("not a span of the English side: [" + enStart + ", " + enEnd + ")");
        }
    }
}
