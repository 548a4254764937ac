import { describe, expect, it } from 'vitest';
import {
  antenatalVitalsProblems,
  anthropometryProblems,
  birthLengthImplausibility,
  birthWeightImplausibility,
  chinaDate,
  completedYears,
  duplicateDeliveries,
  eddInconsistency,
  entryDelayDays,
  gaByEddDays,
  isDeliveryGaInconsistent,
  isLateEntry,
  isMotherAgeImplausible,
  missingRequiredFields,
  postpartumVitalsProblems,
} from './quality-checks';
import { QUALITY_CONFIG_DEFAULT as cfg } from './quality-config';

describe('timeliness: entered more than lateEntryDays after the service (seed 001 item 17 "实时采集"; limits [L])', () => {
  it.each<[string, string, string, number]>([
    ['same day, morning in China', '2026-03-01', '2026-03-01T01:00:00Z', 0],
    ['23:30 China time is still the same day', '2026-03-01', '2026-03-01T15:30:00Z', 0],
    ['00:30 China time next day (16:30 UTC)', '2026-03-01', '2026-03-01T16:30:00Z', 1],
    ['two weeks', '2026-03-01', '2026-03-15T02:00:00Z', 14],
    ['fifteen days', '2026-03-01', '2026-03-16T02:00:00Z', 15],
  ])('%s → %i days', (_w, service, created, d) => {
    expect(entryDelayDays(service, created)).toBe(d);
  });

  it.each<[string, string, string, boolean]>([
    ['anc_visit', '2026-03-01', '2026-03-15T02:00:00Z', false],
    ['anc_visit', '2026-03-01', '2026-03-16T02:00:00Z', true],
    ['delivery', '2026-03-01', '2026-03-08T02:00:00Z', false],
    ['delivery', '2026-03-01', '2026-03-09T02:00:00Z', true],
    ['child_death', '2026-03-01', '2026-03-09T02:00:00Z', true],
  ])('%s served %s, entered %s → late %s', (type, service, created, late) => {
    expect(isLateEntry(type as never, service, created, cfg)).toBe(late);
  });

  it('a back-fill created before timelinessCheckedFrom is not judged', () => {
    const c = { ...cfg, timelinessCheckedFrom: '2026-04-01T00:00:00+08:00' };
    expect(isLateEntry('anc_visit', '2025-01-01', '2026-03-31T15:00:00Z', c)).toBe(false);
    expect(isLateEntry('anc_visit', '2025-01-01', '2026-04-01T01:00:00Z', c)).toBe(true);
  });

  it('China date of an instant', () => {
    expect(chinaDate('2026-12-31T16:00:00Z')).toBe('2027-01-01');
  });
});

describe('EDD and LMP (基本公卫 孕产妇健康管理: 预产期按末次月经推算, Naegele LMP + 280 d)', () => {
  it.each<[string | null, string, 'lmp' | 'ultrasound', ReturnType<typeof eddInconsistency>]>([
    ['2026-01-01', '2026-10-08', 'lmp', null],
    // the calendar form (LMP + 9 months + 7 days) gives 2026-12-08, two days after LMP + 280 d: within tolerance
    ['2026-03-01', '2026-12-08', 'lmp', null],
    ['2026-01-01', '2026-10-11', 'lmp', null],
    ['2026-01-01', '2026-10-12', 'lmp', 'deviation'],
    ['2026-01-01', '2026-09-30', 'lmp', 'deviation'],
    ['2026-01-01', '2026-10-29', 'ultrasound', null],
    ['2026-01-01', '2026-11-20', 'ultrasound', 'deviation'],
    [null, '2026-10-08', 'lmp', 'lmp_missing'],
    [null, '2026-10-08', 'ultrasound', null],
  ])('LMP %s, EDD %s by %s → %s', (lmp, edd, eddMethod, want) => {
    expect(eddInconsistency({ lmp, edd, eddMethod }, cfg)).toBe(want);
  });

  it.each<[number, string, string, number, boolean]>([
    [280, '2026-10-08', '2026-10-08', 280, false],
    [273, '2026-10-01', '2026-10-08', 273, false],
    [259, '2026-10-01', '2026-10-08', 273, false],
    [258, '2026-10-01', '2026-10-08', 273, true],
    [200, '2026-10-01', '2026-10-08', 273, true],
  ])('delivery at %i days on %s, EDD %s (GA by EDD %i) → inconsistent %s', (gaDays, deliveryDate, edd, byEdd, bad) => {
    expect(gaByEddDays(edd, deliveryDate)).toBe(byEdd);
    expect(isDeliveryGaInconsistent({ gaDays, deliveryDate, edd }, cfg)).toBe(bad);
  });
});

describe('birth weight and length for gestational age (plausibility bands [L]; generator errors: decimal slip, 4300 g < 34 w)', () => {
  it.each<[number, number | null, 'low' | 'high' | null]>([
    [3300, 39, null],
    [330, 39, 'low'], // decimal slip of 3300 g
    [4300, 33, 'high'], // the generator's GA mismatch
    [4300, 38, null],
    [3.3, 39, 'low'], // entered in kg
    [1200, 30, null],
    [6600, 40, 'high'],
    [2000, null, null],
    [200, null, 'low'],
    [7000, 50, 'high'], // week outside every band: overall range
  ])('%i g at %s weeks → %s', (g, w, want) => {
    expect(birthWeightImplausibility(g, w, cfg)).toBe(want);
  });

  it.each<[number, number | null, 'low' | 'high' | null]>([
    [50, 39, null],
    [5, 39, 'low'],
    [500, 39, 'high'],
    [38, 30, null],
    [55, 30, 'high'],
    [50, null, null],
    [70, null, 'high'],
  ])('%i cm at %s weeks → %s', (cm, w, want) => {
    expect(birthLengthImplausibility(cm, w, cfg)).toBe(want);
  });
});

describe("mother's age at birth (a child born before the mother was 12; motherAgeYears [L])", () => {
  it.each<[string, string, number, boolean]>([
    ['1995-05-05', '2026-05-05', 31, false],
    ['2014-06-01', '2026-05-31', 11, true],
    ['2014-06-01', '2026-06-01', 12, false],
    ['1960-01-01', '2026-01-01', 66, true],
    ['1966-01-02', '2026-01-01', 59, false],
  ])('mother born %s, child born %s → %i years, implausible %s', (mother, child, years, bad) => {
    expect(completedYears(mother, child)).toBe(years);
    expect(isMotherAgeImplausible(mother, child, cfg)).toBe(bad);
  });
});

describe('vital signs (generator errors: swapped BP, weight ×10; ranges [L])', () => {
  it.each<[Parameters<typeof antenatalVitalsProblems>[0], string[]]>([
    [{ systolicMmHg: 118, diastolicMmHg: 76, weightKg: 62.5 }, []],
    [{ systolicMmHg: 76, diastolicMmHg: 118, weightKg: 62.5 }, ['systolic_not_above_diastolic']],
    [{ systolicMmHg: 118, diastolicMmHg: 76, weightKg: 625 }, ['weight_out_of_range']],
    [{ systolicMmHg: 118, diastolicMmHg: 76, weightKg: 6.3 }, ['weight_out_of_range']],
    [{ systolicMmHg: 1180, diastolicMmHg: 76 }, ['systolic_out_of_range']],
    [{ systolicMmHg: 80, diastolicMmHg: 80 }, ['systolic_not_above_diastolic']],
    [{ systolicMmHg: null, diastolicMmHg: 80, weightKg: null }, []],
  ])('antenatal %j → %j', (v, want) => {
    expect(antenatalVitalsProblems(v, cfg)).toEqual(want);
  });

  it.each<[Parameters<typeof postpartumVitalsProblems>[0], string[]]>([
    [{ systolicMmHg: 120, diastolicMmHg: 80, temperatureC: 36.8, hbGL: 118 }, []],
    [{ systolicMmHg: 80, diastolicMmHg: 120 }, ['systolic_not_above_diastolic']],
    [{ temperatureC: 368 }, ['temperature_out_of_range']],
    [{ hbGL: 11.8 }, ['hb_out_of_range']],
  ])('postpartum %j → %j', (v, want) => {
    expect(postpartumVitalsProblems(v, cfg)).toEqual(want);
  });
});

describe("child measurements: WHO's implausible z-score flags (WHO Anthro: WAZ <−6/>5, L/HAZ <−6/>6, WLHZ, BMIZ, HCZ <−5/>5)", () => {
  it.each<[Parameters<typeof anthropometryProblems>[0], string[]]>([
    [{ waz: 0.3, lhaz: -0.5, wlhz: 0.8, weightKg: 9.2, lengthCm: 75 }, []],
    [{ waz: 5 }, []],
    [{ waz: 5.01 }, ['implausible_waz']],
    [{ waz: -6.01 }, ['implausible_waz']],
    [{ lhaz: 6 }, []],
    [{ lhaz: 6.5 }, ['implausible_lhaz']],
    [{ wlhz: -5.2, bmiz: 5.5, hcz: 5.1 }, ['implausible_wlhz', 'implausible_bmiz', 'implausible_hcz']],
    [{ weightKg: 92 }, ['weight_out_of_range']], // 9.2 kg entered ×10
    [{ lengthCm: 7.5 }, ['length_out_of_range']],
    [{ headCm: 450 }, ['head_out_of_range']],
  ])('%j → %j', (m, want) => {
    expect(anthropometryProblems(m, cfg)).toEqual(want);
  });
});

describe('required fields per record type (WS 377.4 / WS 376 data sets; the required list is configuration)', () => {
  it.each<[string, Parameters<typeof missingRequiredFields>[0], Record<string, unknown>, object, string[]]>([
    [
      'pregnancy without phone (generator: missing_phone)',
      'pregnancy',
      {
        phone: null,
        idNumber: 'x',
        hukouRegionCode: '330902',
        lmp: '2026-01-01',
        heightCm: 160,
        prePregnancyWeightKg: 55,
        registeringInstitutionId: 'i',
      },
      { eddMethod: 'lmp' },
      ['phone'],
    ],
    [
      'ultrasound-dated pregnancy needs no LMP',
      'pregnancy',
      {
        phone: '1',
        idNumber: 'x',
        hukouRegionCode: '330902',
        lmp: null,
        heightCm: 160,
        prePregnancyWeightKg: 55,
        registeringInstitutionId: 'i',
      },
      { eddMethod: 'ultrasound' },
      [],
    ],
    [
      'visit at 12 weeks needs no fundal height or heart rate',
      'anc_visit',
      {
        weightKg: 55,
        systolicMmHg: 110,
        diastolicMmHg: 70,
        institutionId: 'i',
        fundalHeightCm: null,
        fetalHeartRates: [],
      },
      { gaDays: 84 },
      [],
    ],
    [
      'visit at 24 weeks without fundal height or heart rate',
      'anc_visit',
      {
        weightKg: 55,
        systolicMmHg: 110,
        diastolicMmHg: 70,
        institutionId: 'i',
        fundalHeightCm: null,
        fetalHeartRates: [],
      },
      { gaDays: 168 },
      ['fundalHeightCm', 'fetalHeartRates'],
    ],
    [
      'home delivery needs no institution',
      'delivery',
      { institutionId: null, deliveryTime: '08:00', bloodLossMl: 200 },
      { place: 'home' },
      [],
    ],
    [
      'stillbirth needs no Apgar, unknown sex is missing',
      'birth_outcome',
      { weightG: 2000, lengthCm: null, apgar1: null, apgar5: null, sex: 'unknown' },
      { outcome: 'stillbirth' },
      ['sex'],
    ],
    [
      'check-up at 4 years needs no head circumference',
      'child_checkup',
      { weightKg: 16, lengthCm: 103, headCm: null, institutionId: 'i' },
      { ageDays: 1461 },
      [],
    ],
  ])('%s', (_w, type, values, context, want) => {
    expect(missingRequiredFields(type, values, context, cfg)).toEqual(want);
  });

  it('a field removed from the configuration is no longer required', () => {
    const c = { requiredFields: { ...cfg.requiredFields, pregnancy: ['lmp'] } };
    expect(missingRequiredFields('pregnancy', { phone: null, lmp: '2026-01-01' }, { eddMethod: 'lmp' }, c)).toEqual([]);
  });
});

describe('duplicate deliveries: two deliveries of one woman within duplicateDeliveryWithinDays (140 d [L])', () => {
  it.each<[string[], number[]]>([
    [['2024-01-01', '2026-01-01'], []],
    [
      ['2026-01-01', '2026-01-03'],
      [0, 1],
    ],
    [
      ['2026-01-01', '2026-05-20'],
      [0, 1],
    ],
    [['2026-01-01', '2026-05-21'], []],
    [['2026-01-01'], []],
  ])('%j → %j', (dates, want) => {
    expect(duplicateDeliveries(dates, cfg)).toEqual(want);
  });
});
