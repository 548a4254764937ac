-- Perinatal death review kept per committee level (issue #3 §9: "committee level (county, city, province)").
-- 0013 kept one review per birth outcome, so a city or province review replaced the county's and the history of
-- levels was lost. As the maternal death review (one row per death and level), a review is now keyed by the birth
-- outcome and its level: the county's, the city's and the province's reviews are all kept, each with its own
-- version. The rows already there keep their level and become that level's review. Row-level security, the
-- policy and the grants are unchanged. Forward-only, PostgreSQL 15 SQL.

ALTER TABLE perinatal_death_review DROP CONSTRAINT perinatal_death_review_pkey;
ALTER TABLE perinatal_death_review ADD PRIMARY KEY (county_code, birth_outcome_id, level);
