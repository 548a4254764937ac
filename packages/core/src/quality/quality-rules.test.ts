import { describe, expect, it } from 'vitest';
import {
  getQualityField,
  mergeQualityConfig,
  QUALITY_COMPLETENESS_TYPES,
  QUALITY_CONFIG_DEFAULT,
  QUALITY_FIELDS,
  QUALITY_TIMELINESS_TYPES,
  validateQualityOverride,
} from './quality-config';
import {
  enabledQualityRules,
  getQualityRule,
  QUALITY_RULE_IDS,
  qualityRuleCatalogue,
  qualityRuleWeight,
} from './quality-rules';
import { qualityDetailText } from './quality-detail';
import { addQualityTotals, qualityScore, qualityScoreBand, qualityScoreOf, qualityTotals } from './quality-score';
import { QUALITY_RECORD_TYPES, QUALITY_RULE_KINDS } from './quality-types';

describe('rule catalogue (issue #6 §7: completeness, timeliness, logic, duplicates, cross-source)', () => {
  it('ids are unique snake_case, every rule has both names, a fix hint and a source', () => {
    expect(new Set(QUALITY_RULE_IDS).size).toBe(QUALITY_RULE_IDS.length);
    for (const r of qualityRuleCatalogue) {
      expect(r.id).toMatch(/^[a-z][a-z0-9_]+$/);
      expect(r.nameZh && r.nameEn && r.fixZh && r.fixEn && r.descriptionZh && r.source).toBeTruthy();
      expect(QUALITY_RECORD_TYPES).toContain(r.recordType);
      expect(getQualityRule(r.id)).toBe(r);
    }
  });

  it('every kind has rules; every completeness and timeliness record type has its rule', () => {
    for (const k of QUALITY_RULE_KINDS) expect(qualityRuleCatalogue.some((r) => r.kind === k)).toBe(true);
    for (const t of QUALITY_COMPLETENESS_TYPES) expect(getQualityRule(`${t}_required_fields`)?.recordType).toBe(t);
    for (const t of QUALITY_TIMELINESS_TYPES) expect(getQualityRule(`${t}_late_entry`)?.kind).toBe('timeliness');
  });

  it.each([
    // the checks the issue names, each with its rule
    ['visit before registration', 'anc_visit_before_registration'],
    ['EDD inconsistent with LMP', 'edd_inconsistent_with_lmp'],
    ['birth weight out of range', 'birth_weight_implausible'],
    ['birth length out of range', 'birth_length_implausible'],
    ['a child born before the mother was 12', 'child_born_before_mother_12'],
    ['a male with a pregnancy', 'male_with_pregnancy'],
    ['a death date before birth', 'death_before_birth'],
    ['discharge before delivery', 'discharge_before_delivery'],
    ['implausible vitals', 'anc_vitals_implausible'],
    ['same ID number in two people', 'duplicate_id_number'],
    ['two deliveries of one pregnancy', 'duplicate_delivery'],
    ['a live birth with no child record', 'live_birth_without_child_record'],
    ['a live birth with no newborn screening', 'live_birth_without_metabolic_screening'],
    ['a child death with no death card', 'child_death_without_card'],
    ['a maternal death with no card', 'maternal_death_without_card'],
  ])('%s → %s', (_what, id) => {
    expect(getQualityRule(id)).toBeDefined();
  });

  it('configuration keys a rule names exist in the default configuration', () => {
    for (const r of qualityRuleCatalogue)
      for (const key of r.config) {
        const value = key
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], QUALITY_CONFIG_DEFAULT);
        expect(value, `${r.id}: ${key}`).toBeDefined();
      }
  });

  it('default required fields are fields of the catalogue', () => {
    for (const [type, ids] of Object.entries(QUALITY_CONFIG_DEFAULT.requiredFields))
      for (const id of ids) expect(getQualityField(type, id), `${type}.${id}`).toBeDefined();
    expect(new Set(QUALITY_FIELDS.map((f) => `${f.recordType}.${f.id}`)).size).toBe(QUALITY_FIELDS.length);
  });

  it('weights: by severity (error 3, warning 1) unless the rule has its own; disabled rules do not run', () => {
    const e = getQualityRule('discharge_before_delivery')!;
    const w = getQualityRule('pregnancy_required_fields')!;
    expect(qualityRuleWeight(e, QUALITY_CONFIG_DEFAULT)).toBe(3);
    expect(qualityRuleWeight(w, QUALITY_CONFIG_DEFAULT)).toBe(1);
    expect(qualityRuleWeight(w, { ...QUALITY_CONFIG_DEFAULT, ruleWeights: { pregnancy_required_fields: 2 } })).toBe(2);
    const on = enabledQualityRules({ ...QUALITY_CONFIG_DEFAULT, disabledRules: ['duplicate_delivery'] });
    expect(on.map((r) => r.id)).not.toContain('duplicate_delivery');
    expect(on).toHaveLength(qualityRuleCatalogue.length - 1);
  });
});

describe('configuration overrides (thresholds are versioned configuration, regions override them)', () => {
  it('merges objects key by key from the top region down; arrays replace', () => {
    const c = mergeQualityConfig(QUALITY_CONFIG_DEFAULT, [
      { lateEntryDays: { anc_visit: 7 }, disabledRules: ['duplicate_delivery'] },
      { lateEntryDays: { delivery: 3 }, requiredFields: { delivery: ['deliveryTime'] } },
    ]);
    expect(c.lateEntryDays).toMatchObject({ anc_visit: 7, delivery: 3, pregnancy: 14 });
    expect(c.requiredFields.delivery).toEqual(['deliveryTime']);
    expect(c.requiredFields.pregnancy).toEqual(QUALITY_CONFIG_DEFAULT.requiredFields.pregnancy);
    expect(c.disabledRules).toEqual(['duplicate_delivery']);
    expect(QUALITY_CONFIG_DEFAULT.lateEntryDays.anc_visit).toBe(14);
  });

  it.each<[string, unknown, string]>([
    ['negative days', { lateEntryDays: { anc_visit: -1 } }, 'lateEntryDays.anc_visit'],
    ['unknown record type', { lateEntryDays: { visit: 3 } }, 'lateEntryDays'],
    ['min above max', { motherAgeYears: { min: 60, max: 12 } }, 'motherAgeYears.max'],
    ['unknown key (typo)', { windowDay: 30 }, ''],
    ['unknown field', { requiredFields: { pregnancy: ['phone', 'shoeSize'] } }, 'requiredFields.pregnancy.1'],
    ['unknown rule', { disabledRules: ['no_such_rule'] }, 'disabledRules.0'],
    [
      'band weeks reversed',
      { birthWeightBands: [{ fromWeek: 40, toWeek: 30, min: 1, max: 2 }] },
      'birthWeightBands.0.toWeek',
    ],
    ['hour 24', { nightlyHour: 24 }, 'nightlyHour'],
  ])('refuses %s with a zh-CN message on the field', (_w, input, path) => {
    const r = validateQualityOverride(input, QUALITY_RULE_IDS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toContain(path);
    for (const i of r.issues) expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts a valid override', () => {
    const r = validateQualityOverride(
      { lateEntryDays: { anc_visit: 7 }, ruleWeights: { duplicate_id_number: 5 }, timelinessCheckedFrom: null },
      QUALITY_RULE_IDS,
    );
    expect(r).toEqual({
      ok: true,
      value: { lateEntryDays: { anc_visit: 7 }, ruleWeights: { duplicate_id_number: 5 }, timelinessCheckedFrom: null },
    });
  });
});

describe('score = 100 × (1 − Σ w·failed / Σ w·checked)', () => {
  it.each<[string, { checked: number; failed: number; weight: number }[], number | null]>([
    ['nothing checked has no score', [], null],
    ['nothing failed', [{ checked: 100, failed: 0, weight: 3 }], 100],
    ['everything failed', [{ checked: 10, failed: 10, weight: 1 }], 0],
    ['one error rule, 2 of 100 failed', [{ checked: 100, failed: 2, weight: 3 }], 98],
    [
      'error failures weigh three times warning failures',
      [
        { checked: 100, failed: 10, weight: 3 },
        { checked: 100, failed: 10, weight: 1 },
      ],
      90,
    ],
    [
      'a failing warning rule among clean error rules',
      [
        { checked: 100, failed: 0, weight: 3 },
        { checked: 100, failed: 40, weight: 1 },
      ],
      90,
    ],
    ['weight 0 does not count', [{ checked: 100, failed: 100, weight: 0 }], null],
    ['rounded to one decimal', [{ checked: 3, failed: 1, weight: 1 }], 66.7],
  ])('%s', (_w, tallies, want) => {
    expect(qualityScore(tallies)).toBe(want);
  });

  it('regions add weighted sums (not average scores)', () => {
    const a = qualityTotals([{ checked: 1000, failed: 10, weight: 1 }]);
    const b = qualityTotals([{ checked: 10, failed: 10, weight: 1 }]);
    expect(qualityScoreOf(addQualityTotals([a, b]))).toBe(98);
    expect(() => qualityTotals([{ checked: 1, failed: 2, weight: 1 }])).toThrow(RangeError);
  });

  it.each<[number | null, string | null]>([
    [100, 'good'],
    [95, 'good'],
    [94.9, 'fair'],
    [85, 'fair'],
    [84.9, 'poor'],
    [null, null],
  ])('band of %s is %s', (s, band) => {
    expect(qualityScoreBand(s)).toBe(band);
  });
});

describe('problem detail text', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['pregnancy_required_fields', { missing: ['phone', 'lmp'] }, '缺少：联系电话、末次月经'],
    ['anc_visit_late_entry', { delayDays: 30, limitDays: 14 }, '服务后第 30 天录入（时限 14 天）'],
    [
      'anc_vitals_implausible',
      { problems: ['systolic_not_above_diastolic'], systolicMmHg: 70, diastolicMmHg: 110, weightKg: 60 },
      '收缩压不高于舒张压（疑高低压颠倒）；血压 70/110 mmHg；体重 60 kg',
    ],
    [
      'child_birth_weight_implausible',
      { weightG: 330, gaWeeks: 39, min: 1200, max: 6500 },
      '出生体重 330 g，孕 39 周（合理范围 1200–6500 g）',
    ],
    [
      'discharge_before_delivery',
      { deliveryDate: '2026-03-05', dischargedOn: '2026-03-03' },
      '分娩 2026-03-05，出院 2026-03-03',
    ],
  ])('%s', (id, detail, zh) => {
    const t = qualityDetailText(id, detail);
    expect(t.zh).toBe(zh);
    expect(t.en.length).toBeGreaterThan(0);
  });
});
