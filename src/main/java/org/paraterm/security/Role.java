package org.paraterm.security;

import java.util.List;

/**
 * What a signed-in person may do. Each role includes the rights of the roles before it in this
 * list's meaning: translators and editors comment and suggest, terminologists also review and
 * edit, admins also manage users and load corpora. Anyone without login reads published entries,
 * the concordance and the documents.
 */
public enum Role {
    TRANSLATOR, EDITOR, TERMINOLOGIST, ADMIN;

    /** The role names that go into the authentication, this role's and those it includes. */
    public List<String> granted() {
        return switch (this) {
            case TRANSLATOR -> List.of("TRANSLATOR");
            case EDITOR -> List.of("EDITOR", "TRANSLATOR");
            case TERMINOLOGIST -> List.of("TERMINOLOGIST", "EDITOR", "TRANSLATOR");
            case ADMIN -> List.of("ADMIN", "TERMINOLOGIST", "EDITOR", "TRANSLATOR");
        };
    }
}
