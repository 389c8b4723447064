-- Candidates stored per mining run (issue 8). Until now a run replaced every candidate row in one
-- transaction, so that a failed run left the previous one in place; for a 200 MB corpus that was
-- one uncommitted transaction of about a million rows, during which H2 rereads its own uncommitted
-- pages for every insert and the file grew by gigabytes a minute (docs/scaling.md).
-- Now every row carries the id of its mining_run. A run is written in many small transactions
-- while marked incomplete, invisible to readers, who only read the latest complete run; one small
-- update then makes it complete, and the rows of older runs are deleted in small transactions
-- after that. A run killed half-way leaves rows of an incomplete run, deleted by the next run.
-- The variants' per-document counts are packed into the variant row (PackedNumbers.counts)
-- instead of a row per variant and document. The rows of the stored run cannot be converted in
-- SQL on both databases: as in V8 they are removed, decisions stay, and the next start mines again.
DROP TABLE candidate_variant_document;
DROP TABLE candidate_variant;
DROP TABLE document_candidate;
DROP TABLE candidate;
DELETE FROM mining_run;
ALTER TABLE mining_run ADD COLUMN complete BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE candidate (
    run_id             BIGINT       NOT NULL,
    rank_no            INTEGER      NOT NULL,
    term               VARCHAR(400) NOT NULL,
    frequency          INTEGER      NOT NULL,
    documents          INTEGER      NOT NULL,
    score              DOUBLE PRECISION NOT NULL,
    left_entropy       DOUBLE PRECISION NOT NULL,
    right_entropy      DOUBLE PRECISION NOT NULL,
    cohesion           DOUBLE PRECISION NOT NULL,
    term_length        INTEGER      NOT NULL,
    variants_text      TEXT         NOT NULL,
    positions          BYTEA        NOT NULL,
    contexts           BYTEA        NOT NULL,
    context_document   BIGINT,
    context_sentence   INTEGER,
    context_term_start INTEGER,
    PRIMARY KEY (run_id, rank_no)
);
CREATE UNIQUE INDEX candidate_run_term ON candidate (run_id, term);

CREATE TABLE candidate_variant (
    run_id        BIGINT       NOT NULL,
    rank_no       INTEGER      NOT NULL,
    idx           INTEGER      NOT NULL,
    form          VARCHAR(400) NOT NULL,
    relation      VARCHAR(20)  NOT NULL,
    frequency     INTEGER      NOT NULL,
    documents     BYTEA        NOT NULL,
    PRIMARY KEY (run_id, rank_no, idx)
);

CREATE TABLE document_candidate (
    run_id        BIGINT       NOT NULL,
    document_id   BIGINT       NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    ranks         BYTEA        NOT NULL,
    PRIMARY KEY (run_id, document_id)
);
