-- Failed sign-ins, counted per account ('user:NAME') and per client address ('addr:ADDRESS') in the
-- database, so that every instance serving it throttles the same way (security.SignInThrottle,
-- docs/03-glossary-and-review.md). Times are milliseconds since 1970 (UTC). A row is kept while its
-- window or its block lasts and is replaced when a new window starts. (V13 is left to the data
-- migrations of the same issue.)
CREATE TABLE sign_in_failure (
    subject        VARCHAR(200) PRIMARY KEY,
    failures       INTEGER      NOT NULL,
    window_start   BIGINT       NOT NULL,
    blocked_until  BIGINT       NOT NULL
);
