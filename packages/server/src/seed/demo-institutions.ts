import type { Database, Transaction } from '@fuyou/db';
/** The demo city 舟山市 (330900): institutions of each type and the demo accounts. */
export interface DemoInstitution {
  code: string;
  name: string;
  type: string;
  level: 'level1' | 'level2' | 'level3' | null;
  /** A county code, or 'township:<county>:<n>' for the n-th township of that county. */
  region: string;
  capabilities: string[];
}

export const DEMO_CITY = '330900';
export const DEMO_COUNTIES = ['330902', '330903', '330921', '330922'] as const;

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  {
    code: 'ZS-WJW',
    name: '舟山市卫生健康委员会',
    type: 'health_commission',
    level: null,
    region: '330902',
    capabilities: [],
  },
  {
    code: 'ZS-FY',
    name: '舟山市妇女儿童医院（舟山市妇幼保健院）',
    type: 'mch_hospital',
    level: 'level3',
    region: '330902',
    capabilities: [
      'midwifery',
      'prenatal_screening',
      'prenatal_diagnosis',
      'newborn_screening',
      'birth_certificate_issuer',
      'premarital_exam',
      'cancer_screening',
      'child_health',
    ],
  },
  {
    code: 'ZS-ZSYY',
    name: '舟山医院',
    type: 'general_hospital',
    level: 'level3',
    region: '330902',
    capabilities: [
      'midwifery',
      'prenatal_screening',
      'critical_maternal_centre',
      'critical_newborn_centre',
      'birth_certificate_issuer',
    ],
  },
  {
    code: 'DH-FY',
    name: '定海区妇幼保健院',
    type: 'mch_hospital',
    level: 'level2',
    region: '330902',
    capabilities: [
      'midwifery',
      'prenatal_screening',
      'birth_certificate_issuer',
      'premarital_exam',
      'cancer_screening',
      'child_health',
    ],
  },
  {
    code: 'DH-RMYY',
    name: '舟山市定海区人民医院',
    type: 'general_hospital',
    level: 'level2',
    region: '330902',
    capabilities: ['midwifery', 'birth_certificate_issuer'],
  },
  {
    code: 'DH-WJW',
    name: '舟山市定海区卫生健康局',
    type: 'health_commission',
    level: null,
    region: '330902',
    capabilities: [],
  },
  {
    code: 'DH-SQ1',
    name: '定海区第一社区卫生服务中心',
    type: 'community_hc',
    level: 'level1',
    region: 'township:330902:0',
    capabilities: ['child_health', 'cancer_screening'],
  },
  {
    code: 'DH-SQ2',
    name: '定海区第二社区卫生服务中心',
    type: 'community_hc',
    level: 'level1',
    region: 'township:330902:1',
    capabilities: ['child_health'],
  },
  {
    code: 'DH-XZ1',
    name: '定海区乡镇卫生院',
    type: 'township_hc',
    level: 'level1',
    region: 'township:330902:-1',
    capabilities: ['child_health', 'cancer_screening'],
  },
  {
    code: 'DH-TY1',
    name: '定海区实验幼儿园',
    type: 'childcare_facility',
    level: null,
    region: 'township:330902:0',
    capabilities: [],
  },
  {
    code: 'PT-FY',
    name: '普陀区妇幼保健院',
    type: 'mch_hospital',
    level: 'level2',
    region: '330903',
    capabilities: [
      'midwifery',
      'prenatal_screening',
      'birth_certificate_issuer',
      'premarital_exam',
      'cancer_screening',
      'child_health',
    ],
  },
  {
    code: 'PT-YY',
    name: '舟山市普陀医院',
    type: 'general_hospital',
    level: 'level2',
    region: '330903',
    capabilities: ['midwifery', 'birth_certificate_issuer', 'critical_newborn_centre'],
  },
  {
    code: 'PT-SQ1',
    name: '普陀区社区卫生服务中心',
    type: 'community_hc',
    level: 'level1',
    region: 'township:330903:0',
    capabilities: ['child_health', 'cancer_screening'],
  },
  {
    code: 'PT-XZ1',
    name: '普陀区乡镇卫生院',
    type: 'township_hc',
    level: 'level1',
    region: 'township:330903:-1',
    capabilities: ['child_health'],
  },
  {
    code: 'DS-FY',
    name: '岱山县妇幼保健计划生育服务中心',
    type: 'mch_hospital',
    level: 'level2',
    region: '330921',
    capabilities: ['midwifery', 'premarital_exam', 'cancer_screening', 'child_health'],
  },
  {
    code: 'DS-RMYY',
    name: '岱山县第一人民医院',
    type: 'general_hospital',
    level: 'level2',
    region: '330921',
    capabilities: ['midwifery', 'birth_certificate_issuer'],
  },
  {
    code: 'DS-XZ1',
    name: '岱山县乡镇卫生院',
    type: 'township_hc',
    level: 'level1',
    region: 'township:330921:0',
    capabilities: ['child_health'],
  },
  {
    code: 'SS-FY',
    name: '嵊泗县妇幼保健计划生育服务中心',
    type: 'mch_hospital',
    level: 'level2',
    region: '330922',
    capabilities: ['midwifery', 'premarital_exam', 'cancer_screening', 'child_health'],
  },
  {
    code: 'SS-XZ1',
    name: '嵊泗县乡镇卫生院',
    type: 'township_hc',
    level: 'level1',
    region: 'township:330922:0',
    capabilities: ['child_health'],
  },
];

export const DEMO_PASSWORD = 'Fuyou@2026';

export interface DemoUser {
  username: string;
  displayName: string;
  role: string;
  institution?: string;
  jurisdiction?: string;
  permissions?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'secadmin' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditor' },
  {
    username: 'city-stat',
    displayName: '舟山市统计员',
    role: 'statistician',
    institution: 'ZS-FY',
    jurisdiction: '330900',
  },
  {
    username: 'county-mch',
    displayName: '定海区妇幼保健院 · 保健科',
    role: 'mch_supervisor',
    institution: 'DH-FY',
    jurisdiction: '330902',
    permissions: ['pmtct'],
  },
  {
    username: 'city-wjw',
    displayName: '舟山市卫生健康委员会 · 妇幼处',
    role: 'commission_viewer',
    institution: 'ZS-WJW',
    jurisdiction: '330900',
  },
  { username: 'clinic', displayName: '定海区第一社区卫生服务中心 · 医生', role: 'clinician', institution: 'DH-SQ1' },
  { username: 'clinic2', displayName: '普陀区社区卫生服务中心 · 医生', role: 'clinician', institution: 'PT-SQ1' },
];

/** The primary-care clinics (community and township health centres) of a demo county, in code order. */
export function demoClinics(trx: Transaction<Database>, county: string) {
  return trx
    .selectFrom('institution')
    .select('id')
    .where('county_code', '=', county)
    .where('type', 'in', ['community_hc', 'township_hc'])
    .orderBy('code')
    .execute();
}
