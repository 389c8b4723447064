-- A candidate's example sentences packed into its row (issue 8), like its occurrences in V8:
-- candidate_context copied each sentence's text (already in document.text) into a row keyed by the
-- term's text, about 3 million rows for a 200 MB corpus, and storing them did not finish in 36
-- minutes (docs/scaling.md).
-- candidate.contexts: the examples, best first, each as (document id, sentence index, offset of the
-- term in the sentence) in variable-length bytes (PackedNumbers.contexts); the text, paragraph and
-- label are read from sentence, document and paragraph when shown.
-- candidate.context_document / context_sentence / context_term_start: the best example again as
-- columns, so that a page of the candidate list can join its sentence in the same query.
-- As in V8 the stored run cannot be converted in SQL on both databases: it is removed, decisions
-- stay, and the next start mines again because no mining run is recorded.
DROP TABLE candidate_context;
DELETE FROM candidate;
DELETE FROM document_candidate;
DELETE FROM mining_run;
ALTER TABLE candidate ADD COLUMN contexts BYTEA NOT NULL;
ALTER TABLE candidate ADD COLUMN context_document BIGINT;
ALTER TABLE candidate ADD COLUMN context_sentence INTEGER;
ALTER TABLE candidate ADD COLUMN context_term_start INTEGER;
