/** zh/en labels of the child-health codes shown on the pages. */
export type Pair = readonly [zh: string, en: string];

export const CASE_KIND: Record<string, Pair> = {
  anaemia: ['贫血', 'Anaemia'],
  undernutrition: ['营养不良', 'Undernutrition'],
  overweight_obesity: ['超重/肥胖', 'Overweight/obesity'],
  rickets: ['维生素D缺乏性佝偻病', 'Rickets'],
  high_risk_infant: ['高危儿', 'High-risk infant'],
  preterm: ['早产儿', 'Preterm infant'],
};
export const CASE_STATUS: Record<string, Pair> = {
  proposed: ['待确认', 'Proposed'],
  open: ['在管', 'Open'],
  closed: ['已结案', 'Closed'],
  dismissed: ['不纳入', 'Dismissed'],
};
export const SEVERITY: Record<string, Pair> = {
  mild: ['轻度', 'mild'],
  moderate: ['中度', 'moderate'],
  severe: ['重度', 'severe'],
  overweight: ['超重', 'overweight'],
  obesity: ['肥胖', 'obesity'],
  low: ['低危', 'low risk'],
  high: ['高危', 'high risk'],
};
export const SCHEDULE_STATUS: Record<string, Pair> = {
  done: ['已完成', 'done'],
  due: ['应检', 'due'],
  missed: ['错过', 'missed'],
  upcoming: ['未到', 'upcoming'],
  overdue: ['逾期', 'overdue'],
};
export const Z_LABELS: Record<string, Pair> = {
  waz: ['年龄别体重Z', 'WAZ'],
  lhaz: ['年龄别身长Z', 'L/HAZ'],
  wlhz: ['身长别体重Z', 'WL/HZ'],
  bmiz: ['BMI Z', 'BMIZ'],
  hcz: ['头围Z', 'HCZ'],
};
export const FEEDING: Record<string, Pair> = {
  exclusive_breastfeeding: ['纯母乳喂养', 'Exclusive breastfeeding'],
  predominant_breastfeeding: ['基本母乳喂养', 'Predominant breastfeeding'],
  mixed: ['混合喂养', 'Mixed'],
  formula: ['人工喂养', 'Formula'],
  complementary: ['添加辅食', 'Complementary foods'],
  family_food: ['家庭膳食', 'Family food'],
};

/** Age in days as "X月Y天" / "X y Z m". */
export function ageText(days: number | null, lang: string): string {
  if (days === null) return '—';
  const months = Math.floor(days / 30.4375);
  if (months < 1) return lang === 'en-US' ? `${days} d` : `${days}天`;
  if (months < 36) {
    const rest = Math.round(days - months * 30.4375);
    return lang === 'en-US' ? `${months} m ${rest} d` : `${months}月${rest}天`;
  }
  const y = Math.floor(months / 12);
  const m = months % 12;
  return lang === 'en-US' ? `${y} y ${m} m` : `${y}岁${m}月`;
}

/** The label of a pair in the language. */
export function lbl(map: Record<string, Pair>, code: string | null | undefined, lang: string): string {
  if (!code) return '—';
  const p = map[code];
  return p ? (lang === 'en-US' ? p[1] : p[0]) : code;
}
