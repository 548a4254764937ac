/**
 * Plain-language text of a problem's detail (the values that broke the rule), in zh-CN and en-US, so the problem
 * list, its export and the record's page say the same thing.
 */
import { QUALITY_FIELDS } from './quality-config';
import { getQualityRule } from './quality-rules';

const CODE_LABELS: Record<string, [string, string]> = {
  systolic_not_above_diastolic: ['收缩压不高于舒张压（疑高低压颠倒）', 'systolic not above diastolic (swapped?)'],
  systolic_out_of_range: ['收缩压超出范围', 'systolic out of range'],
  diastolic_out_of_range: ['舒张压超出范围', 'diastolic out of range'],
  weight_out_of_range: ['体重超出范围（疑小数点错位）', 'weight out of range (decimal slip?)'],
  length_out_of_range: ['身长超出范围', 'length out of range'],
  head_out_of_range: ['头围超出范围', 'head circumference out of range'],
  temperature_out_of_range: ['体温超出范围', 'temperature out of range'],
  hb_out_of_range: ['血红蛋白超出范围', 'haemoglobin out of range'],
  implausible_waz: ['年龄别体重Z评分不合理', 'weight-for-age z implausible'],
  implausible_lhaz: ['年龄别身长Z评分不合理', 'length-for-age z implausible'],
  implausible_wlhz: ['身长别体重Z评分不合理', 'weight-for-length z implausible'],
  implausible_bmiz: ['BMI Z评分不合理', 'BMI z implausible'],
  implausible_hcz: ['头围Z评分不合理', 'head circumference z implausible'],
};

type Detail = Readonly<Record<string, unknown>>;

const v = (x: unknown) => (x === null || x === undefined ? '—' : String(x));

/**
 * The text of a problem's detail.
 * @example qualityDetailText('anc_vitals_implausible', { problems: ['systolic_not_above_diastolic'], systolicMmHg: 70, diastolicMmHg: 110 }).zh
 *   // '收缩压不高于舒张压（疑高低压颠倒）；血压 70/110 mmHg'
 */
export function qualityDetailText(ruleId: string, detail: Detail): { zh: string; en: string } {
  const rule = getQualityRule(ruleId);
  if (!rule) return { zh: '', en: '' };
  if (rule.kind === 'completeness') {
    const ids = (detail.missing as string[] | undefined) ?? [];
    const label = (id: string) => QUALITY_FIELDS.find((f) => f.recordType === rule.recordType && f.id === id);
    return {
      zh: `缺少：${ids.map((id) => label(id)?.zh ?? id).join('、')}`,
      en: `Missing: ${ids.map((id) => label(id)?.en ?? id).join(', ')}`,
    };
  }
  if (rule.kind === 'timeliness')
    return {
      zh: `服务后第 ${v(detail.delayDays)} 天录入（时限 ${v(detail.limitDays)} 天）`,
      en: `Entered ${v(detail.delayDays)} days after the service (limit ${v(detail.limitDays)})`,
    };
  const codes = (detail.problems as string[] | undefined) ?? [];
  const zh: string[] = codes.map((c) => CODE_LABELS[c]?.[0] ?? c);
  const en: string[] = codes.map((c) => CODE_LABELS[c]?.[1] ?? c);
  switch (ruleId) {
    case 'anc_vitals_implausible':
    case 'postpartum_vitals_implausible':
      zh.push(`血压 ${v(detail.systolicMmHg)}/${v(detail.diastolicMmHg)} mmHg`);
      en.push(`BP ${v(detail.systolicMmHg)}/${v(detail.diastolicMmHg)} mmHg`);
      if (detail.weightKg !== undefined) {
        zh.push(`体重 ${v(detail.weightKg)} kg`);
        en.push(`weight ${v(detail.weightKg)} kg`);
      }
      if (detail.temperatureC !== undefined && detail.temperatureC !== null) {
        zh.push(`体温 ${v(detail.temperatureC)} ℃`);
        en.push(`temperature ${v(detail.temperatureC)} °C`);
      }
      break;
    case 'checkup_anthropometry_implausible':
      zh.push(`体重 ${v(detail.weightKg)} kg，身长 ${v(detail.lengthCm)} cm，头围 ${v(detail.headCm)} cm`);
      en.push(`weight ${v(detail.weightKg)} kg, length ${v(detail.lengthCm)} cm, head ${v(detail.headCm)} cm`);
      break;
    case 'birth_weight_implausible':
    case 'child_birth_weight_implausible':
      zh.push(
        `出生体重 ${v(detail.weightG)} g，孕 ${v(detail.gaWeeks)} 周（合理范围 ${v(detail.min)}–${v(detail.max)} g）`,
      );
      en.push(
        `birth weight ${v(detail.weightG)} g at ${v(detail.gaWeeks)} weeks (plausible ${v(detail.min)}–${v(detail.max)} g)`,
      );
      break;
    case 'birth_length_implausible':
    case 'child_birth_length_implausible':
      zh.push(
        `出生身长 ${v(detail.lengthCm)} cm，孕 ${v(detail.gaWeeks)} 周（合理范围 ${v(detail.min)}–${v(detail.max)} cm）`,
      );
      en.push(
        `birth length ${v(detail.lengthCm)} cm at ${v(detail.gaWeeks)} weeks (plausible ${v(detail.min)}–${v(detail.max)} cm)`,
      );
      break;
    case 'edd_inconsistent_with_lmp':
      zh.push(`末次月经 ${v(detail.lmp)}，预产期 ${v(detail.edd)}，相差 ${v(detail.deviationDays)} 天`);
      en.push(`LMP ${v(detail.lmp)}, EDD ${v(detail.edd)}, off by ${v(detail.deviationDays)} days`);
      break;
    case 'delivery_ga_inconsistent':
      zh.push(`记录孕周 ${v(detail.gaDays)} 天，按预产期 ${v(detail.gaByEddDays)} 天`);
      en.push(`recorded ${v(detail.gaDays)} days, by the EDD ${v(detail.gaByEddDays)} days`);
      break;
    case 'mother_age_at_delivery_implausible':
      zh.push(`分娩时年龄 ${v(detail.ageYears)} 岁`);
      en.push(`age at delivery ${v(detail.ageYears)}`);
      break;
    case 'child_born_before_mother_12':
      zh.push(`儿童出生时母亲 ${v(detail.motherAgeYears)} 岁`);
      en.push(`mother aged ${v(detail.motherAgeYears)} at the birth`);
      break;
    case 'discharge_before_delivery':
      zh.push(`分娩 ${v(detail.deliveryDate)}，出院 ${v(detail.dischargedOn)}`);
      en.push(`delivered ${v(detail.deliveryDate)}, discharged ${v(detail.dischargedOn)}`);
      break;
    case 'duplicate_delivery':
      zh.push(`与另一次分娩相隔 ${v(detail.daysToOtherDelivery)} 天`);
      en.push(`${v(detail.daysToOtherDelivery)} days from another delivery`);
      break;
    case 'duplicate_id_number':
      zh.push(
        detail.indexedElsewhere ? '证件索引指向另一份档案' : `本县有 ${v(detail.sameIdInCounty)} 份档案使用该证件号码`,
      );
      en.push(
        detail.indexedElsewhere
          ? 'the ID index points to another record'
          : `${v(detail.sameIdInCounty)} records of the county`,
      );
      break;
    default: {
      const pairs = Object.entries(detail).filter(([k]) => k !== 'problems');
      if (pairs.length) {
        const s = pairs.map(([k, x]) => `${k} ${v(x)}`).join('，');
        zh.push(s);
        en.push(s.replace(/，/g, ', '));
      }
    }
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
