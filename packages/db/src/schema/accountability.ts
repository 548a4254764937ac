import type { ColumnType } from 'kysely';
import type { DateString, Timestamp } from './platform';

/** A notice (通报) naming the units that missed their targets (0041). */
export interface AccountabilityNoticeTable {
  id: string;
  region_code: string;
  period_key: string;
  period_from: DateString;
  period_to: DateString;
  unit_kind: 'county' | 'institution';
  basis: 'default' | 'residence' | 'hukou' | 'facility';
  title: string;
  doc_no: string | null;
  issued_on: DateString;
  issuer_name: string;
  body: string;
  /** jsonb snapshot of the ranked units (written as a JSON string). */
  units: ColumnType<unknown, string, string>;
  county_codes: string[];
  data_as_of: Timestamp;
  created_at: Timestamp;
  created_by: string | null;
}

/** A summons (约谈) of a county or an institution (0041). */
export interface AccountabilitySummonsTable {
  county_code: string;
  id: string;
  issuer_region_code: string;
  unit_kind: 'county' | 'institution';
  institution_id: string | null;
  unit_name: string;
  notice_id: string | null;
  period_key: string | null;
  summoned_on: DateString;
  reason: string;
  indicator_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** jsonb [{ name, position, side }] (written as a JSON string). */
  attendees: ColumnType<unknown, string | undefined, string>;
  summary: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** A follow-up action agreed at a summons (0041). */
export interface AccountabilityActionTable {
  county_code: string;
  id: string;
  summons_id: string;
  description: string;
  responsible: string;
  due_on: DateString;
  completed_on: DateString | null;
  completion_note: string | null;
  completed_by: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

/** Tables of notices and summons (migration 0041). */
export interface AccountabilityTables {
  accountability_notice: AccountabilityNoticeTable;
  accountability_summons: AccountabilitySummonsTable;
  accountability_action: AccountabilityActionTable;
}
