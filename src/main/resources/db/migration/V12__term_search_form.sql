-- Each term's search form stored beside it (issue 8): the glossary search compared a normalized form
-- of every term (TRANSLATE(LOWER(text), …) with a 90-character mapping) computed afresh in every
-- query, five times per term; on PostgreSQL planning those expressions took 3.4 ms and running them
-- 2 ms per search, which held the search at about 600 requests a second on the load test's 2 cores.
-- New and edited terms get the form from SearchMatch.normalized (the same function the search
-- applies to the query); the existing ones are filled here with the expression the search used so far.
ALTER TABLE entry_term ADD COLUMN match_text VARCHAR(1000);
UPDATE entry_term SET match_text = TRANSLATE(LOWER(text), '（）－．／０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［］ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｝〔〕　', '()-./0123456789abcdefghijklmnopqrstuvwxyz[]abcdefghijklmnopqrstuvwxyz{}[] ');
ALTER TABLE entry_term ALTER COLUMN match_text SET NOT NULL;
