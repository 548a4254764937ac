import type { ColumnType, Generated } from 'kysely';

/** timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** date: 'YYYY-MM-DD' both ways. */
export type DateString = string;

export interface RegionTable {
  code: string;
  name: string;
  level: 'country' | 'province' | 'city' | 'county' | 'township' | 'village';
  parent_code: string | null;
  valid_from: ColumnType<DateString, DateString | undefined, DateString>;
  valid_to: DateString | null;
  replaced_by: string | null;
  source: ColumnType<string, string | undefined, string>;
  /** Altitude of the region, m (migration 0023): configuration of the Hb altitude adjustment; null when unknown. */
  altitude_m: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface InstitutionTable {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string | null;
  region_code: string;
  county_code: string;
  capabilities: ColumnType<string[], string[] | undefined, string[]>;
  address: string | null;
  phone: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SettingTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  institution_id: string | null;
  jurisdiction_code: string | null;
  permissions: ColumnType<string[], string[] | undefined, string[]>;
  password_hash: string;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: Timestamp;
  totp_secret_enc: string | null;
  totp_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  locked_until: Date | string | null;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  at: Timestamp;
  success: boolean;
  ip: string | null;
}

export interface SessionTable {
  id: string;
  token_hash: Buffer | Uint8Array;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  otp_verified: ColumnType<boolean, boolean | undefined, boolean>;
  ip: string | null;
  user_agent: string | null;
}

export interface PersonTable {
  county_code: string;
  id: string;
  name: string;
  sex: 'male' | 'female' | 'unknown';
  birth_date: DateString | null;
  birth_time: string | null;
  id_type: string;
  id_number_enc: string | null;
  id_number_hmac: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_hmac: string | null;
  phone_masked: string | null;
  ethnicity: string | null;
  hukou_region_code: string | null;
  residence_region_code: string;
  address: string | null;
  mother_county_code: string | null;
  mother_id: string | null;
  is_synthetic: ColumnType<boolean, boolean | undefined, boolean>;
  deceased_on: DateString | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  created_institution_id: string | null;
}

export interface PersonKeyTable {
  id_number_hmac: string;
  county_code: string;
  person_id: string;
}

export interface PersonTransferTable {
  county_code: string;
  id: string;
  person_id: string;
  from_county: string;
  to_county: string;
  reason: string;
  new_residence_region_code: string;
  transferred_at: Timestamp;
  transferred_by: string;
}

export interface AuditEventTable {
  seq: ColumnType<number, never, never>;
  id: string;
  at: ColumnType<Date, never, never>;
  user_id: string | null;
  username: string | null;
  role: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  person_id: string | null;
  county_code: string | null;
  outcome: ColumnType<string, string | undefined, never>;
  ip: string | null;
  request_id: string | null;
  details: ColumnType<unknown, string | undefined, never>;
  prev_hash: ColumnType<Uint8Array, never, never>;
  hash: ColumnType<Uint8Array, never, never>;
}

export interface JobTable {
  id: string;
  kind: string;
  payload: ColumnType<unknown, string | undefined, string>;
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', string | undefined, string>;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  locked_at: Date | string | null;
  locked_by: string | null;
  last_error: string | null;
  result: ColumnType<unknown, string | undefined, string | null>;
  created_at: Timestamp;
  finished_at: Date | string | null;
}

/** Platform tables (migration 0001). */
export interface PlatformTables {
  region: RegionTable;
  institution: InstitutionTable;
  setting: SettingTable;
  app_user: AppUserTable;
  login_attempt: LoginAttemptTable;
  session: SessionTable;
  person: PersonTable;
  person_key: PersonKeyTable;
  person_transfer: PersonTransferTable;
  audit_event: AuditEventTable;
  job: JobTable;
}
