-- A candidate's occurrences packed into one column of its row (issue 8): a row per occurrence
-- (candidate_occurrence) and per candidate and document (candidate_document), each repeating the
-- term, made storing a mining run take minutes and gigabytes at 20 MB of text (docs/scaling.md).
-- candidate.positions: every occurrence as (document id, sentence index, character offset),
-- ordered by document id and offset, as differences in variable-length bytes (PackedNumbers).
-- document_candidate.ranks: the rank numbers of the candidates a document contains, for the
-- candidate list's filter by document.
-- The stored candidates cannot be packed in SQL on both databases, so they are removed with the
-- run that made them; decisions (candidate_decision) stay, and the next start mines again because
-- no mining run is recorded.
DROP TABLE candidate_occurrence;
DROP TABLE candidate_document;
DELETE FROM candidate;
DELETE FROM mining_run;
ALTER TABLE candidate ADD COLUMN positions BYTEA NOT NULL;

CREATE TABLE document_candidate (
    document_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,
    ranks         BYTEA        NOT NULL
);
