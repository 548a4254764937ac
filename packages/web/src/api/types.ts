/**
 * Shapes of the API's responses (the OpenAPI document describes requests; responses are typed here to match
 * packages/server's DTOs).
 */

/** The roles of the platform (三员分立 + care and supervision roles). */
export type Role =
  'sysadmin' | 'secadmin' | 'auditor' | 'clinician' | 'mch_supervisor' | 'statistician' | 'commission_viewer';

/** All roles, in the order forms list them. */
export const ROLES: readonly Role[] = [
  'clinician',
  'mch_supervisor',
  'statistician',
  'commission_viewer',
  'sysadmin',
  'secadmin',
  'auditor',
];

/** Roles whose scope is a jurisdiction (a county, city or province code). */
export const JURISDICTION_ROLES: ReadonlySet<Role> = new Set(['mch_supervisor', 'statistician', 'commission_viewer']);

/** The logged-in user (GET /auth/me). */
export interface MeDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  institutionName: string | null;
  jurisdictionCode: string | null;
  jurisdictionName: string | null;
  /** County codes whose people this user may see. */
  counties: string[];
  permissions: string[];
  mustChangePassword: boolean;
  totpEnabled: boolean;
  totpSetupRequired: boolean;
  demo: boolean;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Sex codes. */
export type Sex = 'male' | 'female' | 'unknown';

/** Identity document types. */
export type IdType = 'resident_id' | 'passport' | 'hk_macao_permit' | 'taiwan_permit' | 'foreign_permanent' | 'none';

/** All identity document types. */
export const ID_TYPES: readonly IdType[] = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent',
  'none',
];

/** A person as lists and pages show her: identifiers masked. */
export interface PersonDto {
  id: string;
  countyCode: string;
  countyName: string | null;
  name: string;
  sex: Sex;
  birthDate: string | null;
  idType: IdType;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  ethnicity: string | null;
  hukouRegionCode: string | null;
  residenceRegionCode: string;
  residenceRegionName: string | null;
  address: string | null;
  isNonResident: boolean;
  motherId: string | null;
  isSynthetic: boolean;
  deceasedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A person's record with her family links (GET /people/:id). */
export interface PersonDetailDto extends PersonDto {
  children: PersonDto[];
  mother: PersonDto | null;
}

/** Answer of GET /people/duplicates. */
export interface DuplicateCheckDto {
  exact: { personId: string; countyCode: string; inScope: boolean } | null;
  likely: PersonDto[];
}

/** Region levels of GB/T 2260 plus townships. */
export type RegionLevel = 'country' | 'province' | 'city' | 'county' | 'township' | 'village';

/** A region. */
export interface RegionDto {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** Answer of GET /regions?parent=. */
export interface RegionChildrenDto {
  region: RegionDto | null;
  ancestors: RegionDto[];
  items: RegionDto[];
}

/** Answer of GET /regions/:code. */
export interface RegionDetailDto extends RegionDto {
  ancestors: RegionDto[];
  countyCode: string | null;
}

/** Institution types. */
export const INSTITUTION_TYPES = [
  'health_commission',
  'mch_hospital',
  'general_hospital',
  'township_hc',
  'community_hc',
  'village_clinic',
  'childcare_facility',
  'screening_centre',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** Service capabilities of an institution. */
export const CAPABILITIES = [
  'midwifery',
  'prenatal_screening',
  'prenatal_diagnosis',
  'newborn_screening',
  'critical_maternal_centre',
  'critical_newborn_centre',
  'birth_certificate_issuer',
  'premarital_exam',
  'cancer_screening',
  'child_health',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Hospital grades. */
export const INSTITUTION_LEVELS = ['level1', 'level2', 'level3'] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];

/** An institution. */
export interface InstitutionDto {
  id: string;
  code: string;
  name: string;
  type: InstitutionType;
  level: InstitutionLevel | null;
  regionCode: string;
  regionName: string | null;
  countyCode: string;
  countyName: string | null;
  capabilities: Capability[];
  address: string | null;
  phone: string | null;
  active: boolean;
  version: number;
}

/** Extra permissions a user can be granted. */
export const EXTRA_PERMISSIONS = ['pmtct'] as const;

/** A user account as the security administrator sees it. */
export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  institutionName: string | null;
  jurisdictionCode: string | null;
  jurisdictionName: string | null;
  permissions: string[];
  disabled: boolean;
  locked: boolean;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  version: number;
}

/** One audit event. */
export interface AuditEventDto {
  seq: number;
  at: string;
  username: string;
  role: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  personId: string | null;
  countyCode: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  details: unknown;
}

/** Answer of POST /audit/verify. */
export interface AuditVerifyDto {
  ok: boolean;
  rows: number;
  firstBreak?: { seq: number; reason: string };
}
