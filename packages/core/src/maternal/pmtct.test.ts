import { describe, expect, it } from 'vitest';
import type { PmtctInfantPlan, PmtctInfantPlanInput, PmtctResults } from './pmtct';
import {
  maternalHbvAntiviralIndicated,
  NATIONAL_PMTCT_2020,
  pmtctDutiesFor,
  pmtctInfantPlan,
  pmtctInfantPlanInputSchema,
} from './pmtct';

const SRC = '预防艾滋病、梅毒和乙肝母婴传播工作规范(2020)';

function plan(input: PmtctInfantPlanInput): PmtctInfantPlan {
  const r = pmtctInfantPlan(input);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

function duty(p: PmtctInfantPlan, code: string) {
  const d = p.duties.find((x) => x.code === code);
  if (!d) throw new Error(`no duty ${code}`);
  return d;
}

describe(`${SRC}: which results open which duties`, () => {
  it.each<[string, PmtctResults, string[], string[]]>([
    ['all negative', { hivPositive: false, syphilisPositive: false, hbsagPositive: false }, [], []],
    [
      'HBsAg阳性',
      { hbsagPositive: true },
      ['hbv.breastfeeding'],
      ['hbv.infant_hbig', 'hbv.infant_hepb1', 'hbv.infant_hepb2', 'hbv.infant_hepb3', 'hbv.infant_serology'],
    ],
    [
      '梅毒阳性',
      { syphilisPositive: true },
      ['syphilis.mother_treatment'],
      [
        'syphilis.infant_birth_titre',
        'syphilis.infant_prophylaxis',
        'syphilis.infant_nontreponemal_3m',
        'syphilis.infant_nontreponemal_6m',
        'syphilis.infant_nontreponemal_9m',
        'syphilis.infant_nontreponemal_12m',
        'syphilis.infant_nontreponemal_15m',
        'syphilis.infant_nontreponemal_18m',
        'syphilis.infant_treponemal_18m',
      ],
    ],
  ])('%s', (_t, results, maternal, infant) => {
    const r = pmtctDutiesFor(results);
    expect(r.maternal.map((d) => d.code)).toEqual(maternal);
    expect(r.infant.map((d) => d.code)).toEqual(infant);
  });

  it.each([
    ['standard', ['hiv.infant_arv_standard'], ['hiv.infant_arv_high', 'hiv.infant_nat_48h']],
    ['high', ['hiv.infant_arv_high', 'hiv.infant_nat_48h'], ['hiv.infant_arv_standard']],
  ] as const)('HIV阳性, %s exposure: the right prophylaxis and tests', (exposure, present, absent) => {
    const r = pmtctDutiesFor({ hivPositive: true, hivExposure: exposure });
    const codes = r.infant.map((d) => d.code);
    for (const c of present) expect(codes).toContain(c);
    for (const c of absent) expect(codes).not.toContain(c);
    expect(codes).toEqual(
      expect.arrayContaining([
        'hiv.infant_nat_6w',
        'hiv.infant_nat_3m',
        'hiv.infant_antibody_12m',
        'hiv.infant_antibody_18m',
      ]),
    );
    expect(r.maternal.map((d) => d.code)).toEqual(['hiv.mother_art', 'hiv.replacement_feeding']);
    expect(r.infections).toEqual(['hiv']);
  });

  it('only the HBIG + HepB duties are confirmed; the rest is flagged to confirm', () => {
    const confirmed = NATIONAL_PMTCT_2020.duties.filter((d) => d.confirmed).map((d) => d.code);
    expect(confirmed).toEqual(['hbv.infant_hbig', 'hbv.infant_hepb1', 'hbv.infant_hepb2', 'hbv.infant_hepb3']);
    expect(NATIONAL_PMTCT_2020.status).toBe('to_confirm');
  });
});

describe(`${SRC}: infant deadlines and due dates from the birth date-time`, () => {
  it.each([
    ['hbv.infant_hbig', '乙肝免疫球蛋白 12小时内', '2024-03-02T08:30+08:00'],
    ['hbv.infant_hepb1', '乙肝疫苗第1剂 12小时内', '2024-03-02T08:30+08:00'],
  ])('%s (%s): born 2024-03-01T20:30+08:00 → by %s', (code, _t, dueBy) => {
    const p = plan({ birthAt: '2024-03-01T20:30+08:00', hbsagPositive: true });
    expect(duty(p, code)).toMatchObject({ dueBy, dueDate: null, confirmed: true });
    expect(p.birthTimeKnown).toBe(true);
  });

  it.each([
    ['hbv.infant_hepb2', '2024-04-01', null],
    ['hbv.infant_hepb3', '2024-09-01', null],
    ['hbv.infant_serology', '2024-10-01', '2025-03-01'],
  ])('HBV %s → due %s (window end %s)', (code, dueDate, windowEnd) => {
    expect(duty(plan({ birthAt: '2024-03-01T20:30+08:00', hbsagPositive: true }), code)).toMatchObject({
      dueDate,
      windowEnd,
      dueBy: null,
    });
  });

  it.each([
    ['hiv.infant_arv_standard', '出生后6小时内', '2024-02-01T05:00', null],
    ['hiv.infant_nat_6w', '6周核酸 (42 days)', null, '2024-03-13'],
    ['hiv.infant_nat_3m', '3月核酸 (31 Jan + 3 months, clamped)', null, '2024-04-30'],
    ['hiv.infant_antibody_12m', '12月抗体', null, '2025-01-31'],
    ['hiv.infant_antibody_18m', '18月抗体', null, '2025-07-31'],
    ['hiv.infant_follow_up_1m', '1月随访 (clamped to 29 Feb)', null, '2024-02-29'],
  ])('HIV %s (%s)', (code, _t, dueBy, dueDate) => {
    expect(duty(plan({ birthAt: '2024-01-31T23:00', hivPositive: true }), code)).toMatchObject({ dueBy, dueDate });
  });

  it('HIV high exposure: nucleic-acid test within 48 h', () => {
    const p = plan({ birthAt: '2024-01-31T23:00', hivPositive: true, hivExposure: 'high' });
    expect(duty(p, 'hiv.infant_nat_48h').dueBy).toBe('2024-02-02T23:00');
    expect(duty(p, 'hiv.infant_arv_high').dueBy).toBe('2024-02-01T05:00');
  });

  it('syphilis: non-treponemal tests at 3, 6, 9, 12, 15 and 18 months', () => {
    const p = plan({ birthAt: '2024-05-15T10:00', syphilisPositive: true });
    const dates = [3, 6, 9, 12, 15, 18].map((m) => duty(p, `syphilis.infant_nontreponemal_${m}m`).dueDate);
    expect(dates).toEqual(['2024-08-15', '2024-11-15', '2025-02-15', '2025-05-15', '2025-08-15', '2025-11-15']);
    expect(duty(p, 'syphilis.infant_prophylaxis')).toMatchObject({ dueBy: null, dueDate: null });
  });

  it.each([
    ['2024-03-01T20:30Z', '2024-03-02T08:30Z', true],
    ['2024-03-01T20:30+0800', '2024-03-02T08:30+08:00', true],
    ['2024-03-01 20:30', '2024-03-02T08:30', true],
    ['2024-03-01', '2024-03-01T12:00', false],
  ])('birthAt %s → HBIG by %s (time known %s)', (birthAt, dueBy, known) => {
    const p = plan({ birthAt, hbsagPositive: true });
    expect(duty(p, 'hbv.infant_hbig').dueBy).toBe(dueBy);
    expect(p.birthTimeKnown).toBe(known);
  });

  it.each(['2024-02-30T10:00', '2024-03-01T25:00', 'yesterday'])('invalid birthAt %s → invalid_datetime', (birthAt) => {
    const r = pmtctInfantPlan({ birthAt, hbsagPositive: true });
    expect(r.ok ? null : r.error.code).toBe('invalid_datetime');
    expect(pmtctInfantPlanInputSchema.safeParse({ birthAt }).success).toBe(false);
  });
});

describe(`${SRC}: maternal HBV antiviral prophylaxis (HBV DNA ≥2×10⁵ IU/mL or HBeAg+) [R]`, () => {
  it.each([
    [{ hbvDnaIuPerMl: 2e5 }, true],
    [{ hbvDnaIuPerMl: 1.9e5 }, false],
    [{ hbeagPositive: true }, true],
    [{ hbvDnaIuPerMl: 1000, hbeagPositive: false }, false],
    [{}, false],
  ])('%j → %s', (input, indicated) => {
    expect(maternalHbvAntiviralIndicated(input)).toBe(indicated);
  });
});
