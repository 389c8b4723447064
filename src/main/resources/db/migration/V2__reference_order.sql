-- A document's references in the order the reader found them, so that a stored document reads
-- back exactly as it was read (cited symbols are listed in first-seen order). Rows stored before
-- this column existed keep a null position and sort after the others.
ALTER TABLE doc_reference ADD COLUMN idx INTEGER;
