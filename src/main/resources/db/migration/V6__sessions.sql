-- Web sessions (sign-in and CSRF token) in the database instead of one server's memory, so that
-- every paraterm instance serving the same database knows every session (docs/09-postgresql.md).
-- The id column holds the SHA-256 of the session cookie, never the cookie itself: a copy of the
-- table lets no one sign in. attributes is a JSON object of the few plain values a session keeps.
-- Times are milliseconds since 1970 (UTC), the same on H2 and PostgreSQL.
CREATE TABLE web_session (
    id            VARCHAR(64)  PRIMARY KEY,
    attributes    TEXT         NOT NULL,
    created_at    BIGINT       NOT NULL,
    last_access   BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL
);

CREATE INDEX web_session_expiry ON web_session (expires_at);
