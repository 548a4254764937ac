import type { ColumnType } from 'kysely';
import type { Timestamp } from './platform';

/** A target of a region for an indicator in a year (0040). */
export interface IndicatorTargetTable {
  id: string;
  region_code: string;
  year: number;
  indicator_id: string;
  indicator_version: string | null;
  comparator: '>=' | '>' | '<=' | '<' | 'no_avoidable_maternal_death';
  value: number;
  source: string;
  note: string | null;
  note_en: string | null;
  text_zh: string | null;
  status: 'C' | 'R' | 'L' | null;
  confirmed: ColumnType<boolean, boolean | undefined, boolean>;
  preloaded: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** The indicator version a region reports under (0040). */
export interface IndicatorVersionChoiceTable {
  region_code: string;
  indicator_id: string;
  indicator_version: string;
  source: string;
  note: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** Tables of the indicators, targets, quality, work plans (migrations 0040–0049). */
export interface IndicatorsTables {
  indicator_target: IndicatorTargetTable;
  indicator_version_choice: IndicatorVersionChoiceTable;
}
