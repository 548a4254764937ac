/**
 * zh-CN and en-US labels of the code systems the pages show (roles, sex, document types, institution types and
 * capabilities, region levels, audit actions). Terms follow shared/domain/GLOSSARY.md.
 */
import type { Capability, IdType, InstitutionLevel, InstitutionType, RegionLevel, Role, Sex } from '../api/types';
import { pick, type Lang } from './translate';

/** A label in both languages. */
export interface Labelled {
  zh: string;
  en: string;
}

/** Roles. */
export const ROLE_LABELS: Record<Role, Labelled> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '审计管理员', en: 'Audit administrator' },
  clinician: { zh: '医务人员', en: 'Clinician' },
  mch_supervisor: { zh: '妇幼保健管理人员', en: 'MCH supervisor' },
  statistician: { zh: '统计人员', en: 'Statistician' },
  commission_viewer: { zh: '卫健委查询人员', en: 'Health commission viewer' },
};

/** Sex. */
export const SEX_LABELS: Record<Sex, Labelled> = {
  female: { zh: '女', en: 'Female' },
  male: { zh: '男', en: 'Male' },
  unknown: { zh: '未说明', en: 'Not stated' },
};

/** Identity document types. */
export const ID_TYPE_LABELS: Record<IdType, Labelled> = {
  resident_id: { zh: '居民身份证', en: 'Resident ID card' },
  passport: { zh: '护照', en: 'Passport' },
  hk_macao_permit: { zh: '港澳居民来往内地通行证', en: 'Hong Kong/Macao home-return permit' },
  taiwan_permit: { zh: '台湾居民来往大陆通行证', en: 'Taiwan compatriot permit' },
  foreign_permanent: { zh: '外国人永久居留身份证', en: 'Foreign permanent resident ID' },
  none: { zh: '无证件', en: 'No document' },
};

/** Institution types. */
export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, Labelled> = {
  health_commission: { zh: '卫生健康委员会', en: 'Health commission' },
  mch_hospital: { zh: '妇幼保健院/所', en: 'MCH hospital' },
  general_hospital: { zh: '综合医院', en: 'General hospital' },
  township_hc: { zh: '乡镇卫生院', en: 'Township health centre' },
  community_hc: { zh: '社区卫生服务中心', en: 'Community health centre' },
  village_clinic: { zh: '村卫生室', en: 'Village clinic' },
  childcare_facility: { zh: '托幼机构', en: 'Childcare facility' },
  screening_centre: { zh: '筛查中心', en: 'Screening centre' },
  other: { zh: '其他', en: 'Other' },
};

/** Institution capabilities. */
export const CAPABILITY_LABELS: Record<Capability, Labelled> = {
  midwifery: { zh: '助产', en: 'Midwifery' },
  prenatal_screening: { zh: '产前筛查', en: 'Prenatal screening' },
  prenatal_diagnosis: { zh: '产前诊断', en: 'Prenatal diagnosis' },
  newborn_screening: { zh: '新生儿疾病筛查', en: 'Newborn screening' },
  critical_maternal_centre: { zh: '危重孕产妇救治中心', en: 'Critical maternal care centre' },
  critical_newborn_centre: { zh: '危重新生儿救治中心', en: 'Critical newborn care centre' },
  birth_certificate_issuer: { zh: '出生医学证明签发', en: 'Birth certificate issuer' },
  premarital_exam: { zh: '婚前医学检查', en: 'Premarital examination' },
  cancer_screening: { zh: '两癌筛查', en: 'Cervical and breast cancer screening' },
  child_health: { zh: '儿童保健', en: 'Child health care' },
};

/** Hospital grades. */
export const INSTITUTION_LEVEL_LABELS: Record<InstitutionLevel, Labelled> = {
  level1: { zh: '一级', en: 'Grade 1' },
  level2: { zh: '二级', en: 'Grade 2' },
  level3: { zh: '三级', en: 'Grade 3' },
};

/** Region levels. */
export const REGION_LEVEL_LABELS: Record<RegionLevel, Labelled> = {
  country: { zh: '国家', en: 'Country' },
  province: { zh: '省级', en: 'Province' },
  city: { zh: '地市级', en: 'City' },
  county: { zh: '县区级', en: 'County' },
  township: { zh: '乡镇街道', en: 'Township' },
  village: { zh: '村居', en: 'Village' },
};

/** Extra permissions. */
export const EXTRA_PERMISSION_LABELS: Record<string, Labelled> = {
  pmtct: { zh: '预防母婴传播（三病）信息', en: 'PMTCT (HIV, syphilis, hepatitis B) data' },
};

/** Types of audited objects. */
export const ENTITY_TYPE_LABELS: Record<string, Labelled> = {
  person: { zh: '人员', en: 'Person' },
  user: { zh: '用户', en: 'User' },
  institution: { zh: '机构', en: 'Institution' },
  audit_event: { zh: '审计日志', en: 'Audit log' },
  region: { zh: '区划', en: 'Region' },
};

/** Audit actions (others show their code). */
export const AUDIT_ACTION_LABELS: Record<string, Labelled> = {
  'auth.login': { zh: '登录', en: 'Log in' },
  'auth.logout': { zh: '退出', en: 'Log out' },
  'auth.lock': { zh: '账号锁定', en: 'Account locked' },
  'auth.password_change': { zh: '修改密码', en: 'Password changed' },
  'auth.totp_begin': { zh: '生成动态验证码密钥', en: 'TOTP set-up started' },
  'auth.totp_enable': { zh: '启用动态验证码', en: 'TOTP enabled' },
  'person.create': { zh: '登记人员', en: 'Person registered' },
  'person.read': { zh: '查看档案', en: 'Record viewed' },
  'person.search': { zh: '查找人员', en: 'People searched' },
  'person.update': { zh: '修改档案', en: 'Record edited' },
  'person.reveal': { zh: '查看完整证件号/电话', en: 'Identifier revealed' },
  'person.transfer': { zh: '转出', en: 'Transferred' },
  'institution.create': { zh: '新建机构', en: 'Institution created' },
  'institution.update': { zh: '修改机构', en: 'Institution edited' },
  'institution.deactivate': { zh: '停用机构', en: 'Institution deactivated' },
  'user.create': { zh: '新建用户', en: 'User created' },
  'user.update': { zh: '修改用户', en: 'User edited' },
  'user.disable': { zh: '停用用户', en: 'User disabled' },
  'user.reset_password': { zh: '重置密码', en: 'Password reset' },
  'audit.search': { zh: '查询审计日志', en: 'Audit log searched' },
  'audit.verify': { zh: '校验审计链', en: 'Audit chain verified' },
};

/** The label of `code` in `map` for `lang`, or the code itself when unknown. */
export function labelOf(map: Record<string, Labelled>, code: string | null | undefined, lang: Lang): string {
  if (!code) return '';
  const l = map[code];
  return l ? pick(lang, l.zh, l.en) : code;
}

/** `{ value, label }` options of a label map, for selects. */
export function optionsOf<K extends string>(
  map: Record<K, Labelled>,
  lang: Lang,
  keys: readonly K[] = Object.keys(map) as K[],
): { value: K; label: string }[] {
  return keys.map((k) => ({ value: k, label: pick(lang, map[k].zh, map[k].en) }));
}
