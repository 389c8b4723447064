package org.paraterm.suggest;

import java.util.List;

/**
 * A suggested English rendering of a Chinese term.
 *
 * @param english  the form of the rendering written most often in the units that hold both
 * @param score    the association of the term and the rendering, from 0 to 1 (Dice; see
 *                 docs/08-renderings.md), higher is better
 * @param pairs    how many confident one-to-one units hold both the term and the rendering
 * @param evidence up to three such units, shortest first, with the positions of both
 */
public record Rendering(String english, double score, int pairs, List<RenderingEvidence> evidence) {

    public Rendering {
        if (english == null || english.isBlank()) {
            throw new IllegalArgumentException("a rendering needs its English text");
        }
        evidence = List.copyOf(evidence);
    }
}
