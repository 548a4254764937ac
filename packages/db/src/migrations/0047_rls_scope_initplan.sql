-- Row-level security by county, evaluated once per statement instead of once per row (issue #7, recompute).
-- The county policies read `county_code = ANY (fuyou_scope_counties())`; the function is inlined into
-- `string_to_array(nullif(current_setting('fuyou.counties', true), ''), ',')::bpchar[]`, a non-constant array that
-- PostgreSQL evaluates again for every row a sequential or bitmap scan checks (measured at county scale: a scan of
-- the 94,000 person rows 20 ms as the owner, 70–77 ms under the policy). Written as a scalar sub-select the array is
-- an InitPlan, computed once per statement and usable in index conditions like before: the same rows, the same
-- check on writes. Every policy of that exact form is rewritten, whatever table it is on; a policy added later
-- should use the new form: USING (county_code = ANY ((SELECT fuyou_scope_counties())::bpchar[])).
DO $$
DECLARE p record;
BEGIN
  FOR p IN
    SELECT schemaname, tablename, policyname, with_check IS NOT NULL AS checks FROM pg_policies
    WHERE schemaname = current_schema() AND qual = '(county_code = ANY (fuyou_scope_counties()))'
      AND (with_check IS NULL OR with_check = '(county_code = ANY (fuyou_scope_counties()))')
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I.%I USING (county_code = ANY ((SELECT fuyou_scope_counties())::bpchar[]))',
      p.policyname, p.schemaname, p.tablename);
    IF p.checks THEN
      EXECUTE format('ALTER POLICY %I ON %I.%I WITH CHECK (county_code = ANY ((SELECT fuyou_scope_counties())::bpchar[]))',
        p.policyname, p.schemaname, p.tablename);
    END IF;
  END LOOP;
END $$;
