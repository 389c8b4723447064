package org.paraterm.check;

/** Which entries a check looks at. */
public enum Scope {
    /** Visitors, translators and editors: the entries published for everyone. */
    PUBLISHED,
    /** Terminologists: the published entries and every approved one, published or not. */
    APPROVED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
