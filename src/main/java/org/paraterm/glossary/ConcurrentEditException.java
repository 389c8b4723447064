package org.paraterm.glossary;

import java.util.List;

/**
 * A save refused because someone else saved the entry after the editor opened it. It carries the
 * entry as it now is and the versions saved in between, so the editor sees the other change.
 */
public class ConcurrentEditException extends RuntimeException {

    private final transient Entry current;
    private final transient List<GlossaryStore.Version> since;

    public ConcurrentEditException(Entry current, List<GlossaryStore.Version> since) {
        super("entry " + current.id() + " was changed by "
                + (since.isEmpty() ? current.modifiedBy() : since.get(since.size() - 1).changedBy())
                + " in the meantime (now version " + current.version() + ")");
        this.current = current;
        this.since = List.copyOf(since);
    }

    public Entry current() {
        return current;
    }

    public List<GlossaryStore.Version> since() {
        return since;
    }
}
