/** Roles of the platform (三员分立 + care and supervision roles). */
export type Role =
  'sysadmin' | 'secadmin' | 'auditor' | 'clinician' | 'mch_supervisor' | 'statistician' | 'commission_viewer';

export const ROLES: readonly Role[] = [
  'sysadmin',
  'secadmin',
  'auditor',
  'clinician',
  'mch_supervisor',
  'statistician',
  'commission_viewer',
];

export const ADMIN_ROLES: ReadonlySet<Role> = new Set(['sysadmin', 'secadmin', 'auditor']);

/** What each role may do. Extra permissions (e.g. `pmtct`) can be granted per user. */
export const ROLE_PERMISSIONS: Record<Role, readonly string[]> = {
  sysadmin: [
    'region.manage',
    'institution.manage',
    'setting.manage',
    'institution.read',
    'quality.configure',
    'workplan.read',
    'workplan.write',
  ],
  secadmin: ['user.manage', 'institution.read'],
  auditor: ['audit.read'],
  clinician: [
    'person.read',
    'person.write',
    'person.reveal',
    'person.transfer',
    'care.read',
    'care.write',
    'institution.read',
    'quality.read',
  ],
  mch_supervisor: [
    'person.read',
    'person.write',
    'person.reveal',
    'person.transfer',
    'care.read',
    'care.write',
    'care.supervise',
    'indicator.read',
    'institution.read',
    'pmtct',
    'quality.read',
    'quality.run',
    'workplan.read',
    'workplan.progress',
  ],
  statistician: ['indicator.read', 'deid.read', 'institution.read', 'quality.read', 'quality.run', 'workplan.read'],
  commission_viewer: [
    'indicator.read',
    'institution.read',
    'quality.read',
    'quality.run',
    'quality.configure',
    'workplan.read',
    'workplan.write',
    'workplan.progress',
  ],
};

/** Who is asking, and where they may look. Built once per request from the session. */
export interface AuthContext {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  jurisdictionCode: string | null;
  /** County codes whose people this user may see (empty for the administrators). */
  counties: string[];
  permissions: ReadonlySet<string>;
  requestId: string;
  ip: string | null;
}

/** A context for work the system does itself (seeding, jobs). */
export function systemContext(counties: string[], requestId = 'system'): AuthContext {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: '系统',
    role: 'mch_supervisor',
    institutionId: null,
    jurisdictionCode: null,
    counties,
    permissions: new Set([...ROLE_PERMISSIONS.mch_supervisor, 'pmtct']),
    requestId,
    ip: null,
  };
}
