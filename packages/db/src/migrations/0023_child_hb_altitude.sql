-- Anaemia at altitude (issue #4, REFERENCE §5.2; WHO 2011 haemoglobin concentrations, the altitude table): the
-- altitude of residence is regional configuration, a nullable altitude_m on the region (reference data, no person
-- data). A child's altitude is that of the nearest region with a value, from the residence region up to the
-- province; none means sea level (no adjustment). The check-up keeps the altitude and the adjustment it applied
-- (g/L the measured Hb was lowered before the cut-offs), so a later change of a region's altitude or of core's
-- table does not rewrite a recorded classification. PostgreSQL 15 SQL.
ALTER TABLE region ADD COLUMN altitude_m integer CHECK (altitude_m BETWEEN -500 AND 9000);

ALTER TABLE child_checkup
  ADD COLUMN hb_altitude_m integer,
  ADD COLUMN hb_altitude_adjustment_gl numeric(4,1);
