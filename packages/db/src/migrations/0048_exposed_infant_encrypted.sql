-- The exposed infant's record reveals the mother's HIV, syphilis or HBV status: it is encrypted at rest like the
-- maternal PMTCT record (pmtct_record.data_enc, 0010). data_enc holds the server's AES-256-GCM ciphertext of
-- { infections, highExposure, doses, tests, finalStatus }; facts holds keyed tags of what the PMTCT measures count
-- (HMAC-SHA256 under a key derived from the key ring's HMAC key, salted by county and person: equal facts of two
-- infants do not look equal), so SQL counts without plaintext. next_due and closed stay plain for the worklists.
ALTER TABLE exposed_infant
  ADD COLUMN data_enc text,
  ADD COLUMN facts    text[] NOT NULL DEFAULT '{}';

-- the plain columns are no longer written; rows migrated before this file keep them until the server's job below
-- encrypts them (high_exposure is true only for HIV: it goes as well)
ALTER TABLE exposed_infant DROP CONSTRAINT exposed_infant_infections_check;
ALTER TABLE exposed_infant
  ALTER COLUMN infections DROP NOT NULL,
  ALTER COLUMN high_exposure DROP NOT NULL,
  ALTER COLUMN high_exposure DROP DEFAULT,
  ALTER COLUMN doses DROP NOT NULL,
  ALTER COLUMN doses DROP DEFAULT,
  ALTER COLUMN tests DROP NOT NULL,
  ALTER COLUMN tests DROP DEFAULT,
  ALTER COLUMN final_status DROP NOT NULL,
  ALTER COLUMN final_status DROP DEFAULT;

-- a row is either encrypted (no plaintext left) or a row of before this file awaiting the job (plain, as checked
-- before; the infections are then validated again by the server when it encrypts them)
ALTER TABLE exposed_infant ADD CONSTRAINT exposed_infant_encrypted CHECK (
  CASE WHEN data_enc IS NOT NULL
    THEN infections IS NULL AND high_exposure IS NULL AND doses IS NULL AND tests IS NULL AND final_status IS NULL
    ELSE infections <@ ARRAY['hiv', 'syphilis', 'hbv']::text[] AND cardinality(infections) > 0 END
);

-- Encrypting the existing rows needs the server's keys: a job (as 0022's worklist backfill), queued when there are
-- rows to encrypt; the server's job runner takes it at start. It is idempotent (only rows without data_enc).
INSERT INTO job (id, kind, payload)
SELECT gen_random_uuid(), 'child.exposure.encrypt', '{}'::jsonb
WHERE EXISTS (SELECT 1 FROM exposed_infant WHERE data_enc IS NULL);
