/** zh/en labels of the maternal codes shown on the pages, and the colour chips. */
import { Tag } from 'antd';
import type { Colour } from './maternal.api';

export type Pair = readonly [zh: string, en: string];

/** The label of `code` in `map` for the language (the code itself when unknown). */
export function lbl(map: Record<string, Pair>, code: string | null | undefined, lang: string): string {
  if (!code) return '—';
  const p = map[code];
  return p ? (lang === 'en-US' ? p[1] : p[0]) : code;
}

export const COLOURS: Record<string, Pair> = {
  green: ['绿色', 'Green'],
  yellow: ['黄色', 'Yellow'],
  orange: ['橙色', 'Orange'],
  red: ['红色', 'Red'],
  purple: ['紫色', 'Purple'],
};
export const COLOUR_HEX: Record<string, string> = {
  green: '#52c41a',
  yellow: '#fadb14',
  orange: '#fa8c16',
  red: '#f5222d',
  purple: '#722ed1',
};

export const PREGNANCY_STATUS: Record<string, Pair> = {
  antenatal: ['孕期', 'Antenatal'],
  postpartum: ['产后', 'Postpartum'],
  closed: ['已结案', 'Closed'],
};
export const END_REASONS: Record<string, Pair> = {
  postpartum_completed: ['产后管理完成', 'Postpartum care completed'],
  miscarriage: ['自然流产', 'Miscarriage'],
  induced_abortion: ['人工流产/引产', 'Induced abortion'],
  ectopic: ['异位妊娠', 'Ectopic pregnancy'],
  molar: ['葡萄胎', 'Molar pregnancy'],
  transferred_out: ['转出', 'Transferred out'],
  lost_to_follow_up: ['失访', 'Lost to follow-up'],
  maternal_death: ['孕产妇死亡', 'Maternal death'],
  other: ['其他', 'Other'],
};
export const CLOSE_REASONS: Record<string, Pair> = {
  delivered_assessed: ['已分娩并完成产后评估', 'Delivered, postpartum assessment done'],
  risk_resolved: ['风险解除', 'Risk resolved'],
  transferred: ['转出', 'Transferred'],
  pregnancy_ended: ['妊娠终止', 'Pregnancy ended'],
  death: ['死亡', 'Death'],
  other: ['其他', 'Other'],
};
export const CONTACT_STATUS: Record<string, Pair> = {
  done: ['已完成', 'done'],
  due: ['应检', 'due'],
  upcoming: ['未到', 'upcoming'],
  missed: ['错过', 'missed'],
  not_applicable: ['不适用', 'n/a'],
};
export const CONTACT_STATUS_COLOR: Record<string, string> = {
  done: 'green',
  due: 'blue',
  upcoming: 'default',
  missed: 'red',
  not_applicable: 'default',
};
export const REFERRAL_STATUS: Record<string, Pair> = {
  sent: ['已转出', 'Sent'],
  received: ['已接收', 'Received'],
  returned: ['已回执', 'Outcome returned'],
};
export const URGENCY: Record<string, Pair> = {
  routine: ['常规', 'Routine'],
  urgent: ['紧急', 'Urgent'],
  emergency: ['急诊（危重）', 'Emergency'],
};
export const DELIVERY_MODES: Record<string, Pair> = {
  spontaneous: ['自然分娩', 'Spontaneous vaginal'],
  forceps: ['产钳助产', 'Forceps'],
  vacuum: ['胎头吸引', 'Vacuum'],
  breech: ['臀位助产', 'Assisted breech'],
  caesarean: ['剖宫产', 'Caesarean'],
};
export const DELIVERY_PLACES: Record<string, Pair> = {
  institution: ['医疗机构', 'Institution'],
  home: ['家中', 'Home'],
  en_route: ['途中', 'En route'],
  other: ['其他', 'Other'],
};
export const COMPLICATIONS: Record<string, Pair> = {
  pph: ['产后出血', 'Postpartum haemorrhage'],
  eclampsia: ['子痫', 'Eclampsia'],
  severe_preeclampsia: ['重度子痫前期', 'Severe preeclampsia'],
  uterine_rupture: ['子宫破裂', 'Uterine rupture'],
  placental_abruption: ['胎盘早剥', 'Placental abruption'],
  placenta_praevia: ['前置胎盘', 'Placenta praevia'],
  amniotic_fluid_embolism: ['羊水栓塞', 'Amniotic fluid embolism'],
  severe_perineal_tear: ['严重会阴裂伤', 'Severe perineal tear'],
  puerperal_infection: ['产褥感染', 'Puerperal infection'],
  dic: ['DIC', 'DIC'],
  other: ['其他', 'Other'],
};
export const BIRTH_OUTCOMES: Record<string, Pair> = {
  live_birth: ['活产', 'Live birth'],
  fetal_death: ['死胎', 'Fetal death'],
  stillbirth: ['死产', 'Stillbirth'],
  outside_perinatal_scope: ['活产（不足28周）', 'Live birth (<28 weeks)'],
};
export const SCHEDULES: Record<string, Pair> = {
  'anc-basic-public-health-cn': ['基本公卫（5次产检）', 'Basic public health (5 contacts)'],
  'anc-clinical-cma-2018': ['临床指南（中华医学会2018）', 'Clinical (CMA 2018)'],
};
export const HOSPITAL_DUTY: Record<string, Pair> = {
  done: ['已确定', 'chosen'],
  not_yet: ['孕28周起确定', 'from 28 weeks'],
  due: ['应确定', 'to choose'],
  overdue: ['逾期未确定', 'overdue'],
};
export const FOLLOWUP_METHODS: Record<string, Pair> = {
  clinic: ['门诊', 'Clinic'],
  phone: ['电话', 'Phone'],
  home: ['入户', 'Home visit'],
  other: ['其他', 'Other'],
};
export const DEATH_PLACES: Record<string, Pair> = {
  provincial_city_hospital: ['省（地市）级医院', 'Provincial or city hospital'],
  county_hospital: ['县（区）级医院', 'County hospital'],
  township_hc: ['乡镇卫生院（社区卫生服务中心）', 'Township/community health centre'],
  village_clinic: ['村卫生室', 'Village clinic'],
  home: ['家中', 'Home'],
  en_route: ['途中', 'En route'],
  other: ['其他', 'Other'],
};
export const BIRTH_ATTENDANTS: Record<string, Pair> = {
  doctor: ['医生', 'Doctor'],
  midwife: ['助产士', 'Midwife'],
  village_doctor: ['乡村医生', 'Village doctor'],
  family: ['家人', 'Family'],
  self: ['自接', 'Herself'],
  other: ['其他', 'Other'],
};
export const DIAGNOSIS_BASIS: Record<string, Pair> = {
  autopsy: ['尸检', 'Autopsy'],
  pathology: ['病理', 'Pathology'],
  clinical: ['临床', 'Clinical'],
  inferred: ['推断', 'Inferred'],
};
export const PERINATAL_KINDS: Record<string, Pair> = {
  stillbirth: ['死胎死产（≥28周）', 'Stillbirth (≥28 weeks)'],
  early_neonatal: ['早期新生儿死亡（7天内）', 'Early neonatal death (<7 days)'],
  late_neonatal: ['晚期新生儿死亡（7–27天）', 'Late neonatal death (7–27 days)'],
};

export const INFECTIONS: Record<string, Pair> = {
  hiv: ['艾滋病（HIV）', 'HIV'],
  syphilis: ['梅毒', 'Syphilis'],
  hbv: ['乙肝（HBsAg）', 'Hepatitis B (HBsAg)'],
};
export const WORK_KINDS: Record<string, Pair> = {
  visit_due: ['本周应检', 'Visits due'],
  visit_overdue: ['逾期未检', 'Visits overdue'],
  postpartum_due: ['产后访视', 'Postpartum due'],
  postpartum_overdue: ['产后逾期', 'Postpartum overdue'],
  unassessed: ['未评估', 'Not assessed'],
  screen_referral: ['筛查阳性待转诊', 'Screen positive to refer'],
  report_due: ['高危报告', 'High-risk reports'],
  case_followup: ['专案随访', 'Case follow-ups'],
  delivery_hospital: ['确定分娩医院', 'Delivery hospital'],
  referral_not_received: ['转诊未接收', 'Referrals not received'],
  referral_outcome: ['转诊未回执', 'Referral results late'],
  prenatal_followup: ['产前诊断随访', 'Prenatal follow-ups'],
  pmtct_action: ['母婴阻断', 'PMTCT'],
};

/** A colour chip (purple shown beside any colour). */
export function ColourChips(props: {
  colour: Colour | string | null;
  purple?: boolean;
  lang: string;
  testId?: string;
}) {
  const { colour, purple, lang } = props;
  if (!colour && !purple) return <Tag data-testid={props.testId}>{lang === 'en-US' ? 'Not assessed' : '未评估'}</Tag>;
  return (
    <span data-testid={props.testId} data-colour={colour ?? ''} data-purple={purple ? 'true' : 'false'}>
      {colour && (
        <Tag color={COLOUR_HEX[colour]} style={{ color: colour === 'yellow' ? '#000' : undefined }}>
          {lbl(COLOURS, colour, lang)}
        </Tag>
      )}
      {purple && <Tag color={COLOUR_HEX.purple}>{lbl(COLOURS, 'purple', lang)}</Tag>}
    </span>
  );
}
