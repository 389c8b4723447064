-- Facts about the data folder's own life, one row per name. Today: whether the first start (load
-- the first corpus, mine it, import the starter glossary) began and finished, so that a restart
-- after a crash completes it instead of taking the half-loaded database for a finished one.
CREATE TABLE app_state (
    name        VARCHAR(100)  PRIMARY KEY,
    state       VARCHAR(2000) NOT NULL,
    changed_at  TIMESTAMP     NOT NULL
);
