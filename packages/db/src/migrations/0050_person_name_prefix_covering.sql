-- The person search by name (issue #7: p95 under 50 ms at 50 clients) reads the people whose name starts with the
-- typed text, counts them and keeps the first page by name, birth date and id (person.repo.ts). Two costs made it
-- twice the price of a search by ID number (measured on the county bench: 0.65 ms of database time against 0.06):
--
-- * the prefix was a `name ^@ $1` condition: PostgreSQL turns it into an index range only when the prefix is a
--   constant, so a prepared statement was planned again at every search (0.3 ms); the search now also gives both
--   ends of the range (`name ~>=~ $1 and name ~<~ $2`), which a plan made once for every prefix can use;
-- * every match was read from the table for its birth date and id (123 rows for a common full name): the index
--   now carries them, so the matches are counted and sorted from the index alone, and only the page's people are
--   read whole.
DROP INDEX person_name_prefix_idx;
CREATE INDEX person_name_prefix_idx ON person (county_code, name text_pattern_ops) INCLUDE (birth_date, id);
