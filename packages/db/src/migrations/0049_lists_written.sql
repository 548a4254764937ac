-- Which stored lists a transaction changed, for the answers of the worklists that the server shares between users
-- (issue #7; server platform/answer-cache.ts). An answer of the maternal worklist reads maternal_work and the
-- women's names; one of the child worklist reads child_work and the children's names and birth dates. A statement
-- that writes those marks the list in the session setting fuyou.lists_written; withScope reads and clears it in
-- the round trip of its commit (connection.ts), so a child check-up no longer drops the maternal answers of its
-- county, and a write that changes no list drops none.
--
-- The setting is a session one, not local: it must outlive the COMMIT to be read by the statement after it. A
-- transaction that rolls back takes it back with it. A statement trigger fires also when no row was touched (a
-- delete of nothing): that marks a list that did not change, which only costs a read.
CREATE FUNCTION fuyou_mark_list_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  marked text := coalesce(current_setting('fuyou.lists_written', true), '');
  list text;
BEGIN
  FOREACH list IN ARRAY TG_ARGV LOOP
    IF position(',' || list || ',' IN marked || ',') = 0 THEN
      marked := marked || ',' || list;
    END IF;
  END LOOP;
  PERFORM set_config('fuyou.lists_written', marked, false);
  RETURN NULL;
END $$;

CREATE TRIGGER maternal_work_list_written AFTER INSERT OR UPDATE OR DELETE ON maternal_work
  FOR EACH STATEMENT EXECUTE FUNCTION fuyou_mark_list_written('maternal');
CREATE TRIGGER child_work_list_written AFTER INSERT OR UPDATE OR DELETE ON child_work
  FOR EACH STATEMENT EXECUTE FUNCTION fuyou_mark_list_written('child');
CREATE TRIGGER person_list_written AFTER UPDATE OF name, birth_date ON person
  FOR EACH STATEMENT EXECUTE FUNCTION fuyou_mark_list_written('maternal', 'child');
