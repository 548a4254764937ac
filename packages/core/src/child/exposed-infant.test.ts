import { describe, expect, it } from 'vitest';
import { deriveChildRuleSet } from './child-config';
import type { ExposedInfantInput, ExposedInfantPlan, ExposedInfantRecord } from './exposed-infant';
import { congenitalSyphilisStatus } from './congenital-syphilis';
import { exposedInfantPlan, NATIONAL_EXPOSED_INFANT_RULES } from './exposed-infant';

const SRC = '预防艾滋病、梅毒和乙肝母婴传播工作规范(2020)';
const BIRTH = '2024-03-01T08:00';

function plan(
  input: Partial<ExposedInfantInput> & Pick<ExposedInfantInput, 'mother' | 'now'>,
  cfg = NATIONAL_EXPOSED_INFANT_RULES,
) {
  const r = exposedInfantPlan({ birthAt: BIRTH, records: [], ...input }, cfg);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.field}`);
  return r.value;
}

function statuses(p: ExposedInfantPlan): Record<string, string> {
  return Object.fromEntries(p.duties.map((d) => [d.code, d.status]));
}

describe(`${SRC}: HBsAg-positive mother — HBIG + HepB1 within 12 h [C], serology 7–12 months [R]`, () => {
  it.each<[string, ExposedInfantRecord[], string, Record<string, string>]>([
    [
      'HBIG at 11 h on time, HepB1 at 13 h late',
      [
        { code: 'hbv_hbig', at: '2024-03-01T19:00' },
        { code: 'hbv_hepb1', at: '2024-03-01T21:00' },
      ],
      '2024-04-01',
      { hbv_hbig: 'done_on_time', hbv_hepb1: 'done_late', hbv_serology_7_12m: 'upcoming' },
    ],
    ['nothing given, 11 h after birth: due', [], '2024-03-01T19:00', { hbv_hbig: 'due', hbv_hepb1: 'due' }],
    ['nothing given, 12 h 1 min after birth: overdue', [], '2024-03-01T20:01', { hbv_hbig: 'overdue' }],
    ['nothing given, evaluated on the birth date (no time): due', [], '2024-03-01', { hbv_hbig: 'due' }],
    ['nothing given, evaluated the next day: overdue', [], '2024-03-02', { hbv_hbig: 'overdue' }],
    ['serology window 2024-10-01 to 2025-03-01: due in November', [], '2024-11-15', { hbv_serology_7_12m: 'due' }],
    ['serology missed by 2025-03-02: overdue', [], '2025-03-02', { hbv_serology_7_12m: 'overdue' }],
    [
      'serology at 6 months: done early',
      [{ code: 'hbv_serology_7_12m', at: '2024-09-01', result: 'negative' }],
      '2024-09-02',
      { hbv_serology_7_12m: 'done_early' },
    ],
  ])('%s', (_t, records, now, expected) => {
    const s = statuses(plan({ mother: { hbsag: true }, records, now }));
    for (const [code, status] of Object.entries(expected)) expect([code, s[code]]).toEqual([code, status]);
  });

  it('deadline is birth + 12 h; a date-only dose is read as 23:59 and flagged', () => {
    const p = plan({ mother: { hbsag: true }, records: [{ code: 'hbv_hbig', at: '2024-03-01' }], now: '2024-03-02' });
    const d = p.duties.find((x) => x.code === 'hbv_hbig');
    expect([d?.dueBy, d?.status, d?.timeUnknown]).toEqual(['2024-03-01T20:00', 'done_late', true]);
  });

  it('with an offset the deadline is given in UTC', () => {
    const p = plan({ mother: { hbsag: true }, birthAt: '2024-03-01T08:00+08:00', now: '2024-03-01' });
    expect(p.duties.find((x) => x.code === 'hbv_hbig')?.dueBy).toBe('2024-03-01T12:00Z');
  });

  it.each([
    ['HBsAg negative, anti-HBs 120: not infected, protected', 'negative', 120, 'not_infected', true],
    ['HBsAg negative, anti-HBs 5: not infected, re-vaccinate [R]', 'negative', 5, 'not_infected', false],
    ['HBsAg positive: infected', 'positive', 0, 'infected', false],
  ] as const)('final: %s', (_t, result, anti, status, prot) => {
    const p = plan({
      mother: { hbsag: true },
      records: [{ code: 'hbv_serology_7_12m', at: '2024-11-01', result, antiHbsMIUmL: anti }],
      now: '2024-11-02',
    });
    expect([p.final.hbv?.status, p.final.hbv?.protected]).toEqual([status, prot]);
  });
});

describe(`${SRC}: HIV-positive mother — ARV ≤6 h, NAT 6 weeks and 3 months, antibody 12 and 18 months [R]`, () => {
  it('standard exposure: ARV at 5 h on time, NAT at 6 weeks on time, 3 months upcoming; no 48 h NAT', () => {
    const p = plan({
      mother: { hiv: true },
      records: [
        { code: 'hiv_arv', at: '2024-03-01T13:00' },
        { code: 'hiv_nat_6w', at: '2024-04-12', result: 'negative' },
      ],
      now: '2024-05-01',
    });
    expect(statuses(p)).toEqual({
      hiv_arv: 'done_on_time',
      hiv_nat_6w: 'done_on_time',
      hiv_nat_3m: 'upcoming',
      hiv_ab_12m: 'upcoming',
      hiv_ab_18m: 'upcoming',
    });
    expect(p.duties.find((d) => d.code === 'hiv_nat_3m')?.dueFrom).toBe('2024-05-25');
    expect(p.final.hiv?.status).toBe('undetermined');
  });

  it.each([
    ['ARV at 6 h 1 min: late', { code: 'hiv_arv', at: '2024-03-01T14:01' }, 'hiv_arv', 'done_late'],
    ['NAT at 4 weeks: early', { code: 'hiv_nat_6w', at: '2024-03-29', result: 'negative' }, 'hiv_nat_6w', 'done_early'],
    [
      'NAT 6 weeks + 15 days: late',
      { code: 'hiv_nat_6w', at: '2024-04-27', result: 'negative' },
      'hiv_nat_6w',
      'done_late',
    ],
  ] as const)('%s', (_t, rec, code, status) => {
    expect(statuses(plan({ mother: { hiv: true }, records: [rec], now: '2024-05-01' }))[code]).toBe(status);
  });

  it('high exposure adds the NAT within 48 h (overdue on day 3)', () => {
    expect(statuses(plan({ mother: { hiv: true }, hivExposure: 'high', now: '2024-03-04' })).hiv_nat_48h).toBe(
      'overdue',
    );
  });

  it('two positive NATs: infected; later antibody tests not required', () => {
    const p = plan({
      mother: { hiv: true },
      records: [
        { code: 'hiv_arv', at: '2024-03-01T10:00' },
        { code: 'hiv_nat_6w', at: '2024-04-12', result: 'positive' },
        { code: 'hiv_nat_3m', at: '2024-06-01', result: 'positive' },
      ],
      now: '2024-06-02',
    });
    expect(p.final.hiv?.status).toBe('infected');
    expect([statuses(p).hiv_ab_12m, statuses(p).hiv_ab_18m]).toEqual(['not_required', 'not_required']);
  });

  it('one positive NAT: undetermined, repeat', () => {
    const p = plan({
      mother: { hiv: true },
      records: [{ code: 'hiv_nat_6w', at: '2024-04-12', result: 'positive' }],
      now: '2024-04-13',
    });
    expect([p.final.hiv?.status, p.final.hiv?.reasons[0]?.en]).toEqual([
      'undetermined',
      'one positive NAT: repeat on a new sample',
    ]);
  });

  it.each([
    [
      'negative antibody at 18 months: not infected',
      [{ code: 'hiv_ab_18m', at: '2025-09-01', result: 'negative' }],
      'not_infected',
    ],
    [
      'positive antibody at 18 months: infected',
      [{ code: 'hiv_ab_18m', at: '2025-09-01', result: 'positive' }],
      'infected',
    ],
    [
      'negative antibody at 12 months only: undetermined (national: 18)',
      [{ code: 'hiv_ab_12m', at: '2025-03-01', result: 'negative' }],
      'undetermined',
    ],
  ] as const)('%s', (_t, records, status) => {
    expect(plan({ mother: { hiv: true }, records: [...records], now: '2025-09-02' }).final.hiv?.status).toBe(status);
  });

  it('a region where a negative antibody at 12 months excludes infection (config)', () => {
    const cfg = deriveChildRuleSet(
      NATIONAL_EXPOSED_INFANT_RULES,
      { hivAntibodyExcludesFromMonths: 12 },
      { region: '53', version: 't' },
    );
    const p = plan(
      {
        mother: { hiv: true },
        records: [{ code: 'hiv_ab_12m', at: '2025-03-01', result: 'negative' }],
        now: '2025-03-02',
      },
      cfg,
    );
    expect([p.final.hiv?.status, statuses(p).hiv_ab_18m]).toEqual(['not_infected', 'not_required']);
  });
});

describe(`${SRC}: syphilis-positive mother — prophylaxis, non-treponemal 3–18 months until negative, treponemal 18 months [R]`, () => {
  it('non-treponemal negative at 6 months: later non-treponemal tests not required, treponemal 18 months still due', () => {
    const p = plan({
      mother: { syphilis: true, syphilisTitre: 8 },
      records: [
        { code: 'syphilis_nt_birth', at: '2024-03-01T12:00', result: 'positive', titre: 4 },
        { code: 'syphilis_prophylaxis', at: '2024-03-02T10:00' },
        { code: 'syphilis_nt_3m', at: '2024-06-01', result: 'positive', titre: 2 },
        { code: 'syphilis_nt_6m', at: '2024-09-01', result: 'negative' },
      ],
      now: '2024-09-05',
    });
    expect(statuses(p)).toEqual({
      syphilis_nt_birth: 'done_on_time',
      syphilis_prophylaxis: 'done_on_time',
      syphilis_nt_3m: 'done_on_time',
      syphilis_nt_6m: 'done_on_time',
      syphilis_nt_9m: 'not_required',
      syphilis_nt_12m: 'not_required',
      syphilis_nt_15m: 'not_required',
      syphilis_nt_18m: 'not_required',
      syphilis_tp_18m: 'upcoming',
    });
    expect(p.final.syphilis?.status).toBe('undetermined');
  });

  it.each<[string, ExposedInfantRecord[], number, string]>([
    [
      'birth titre 1:8 vs mother 1:2 (≥4×): congenital syphilis',
      [{ code: 'syphilis_nt_birth', at: '2024-03-01', result: 'positive', titre: 8 }],
      2,
      'infected',
    ],
    [
      'birth titre 1:4 vs mother 1:4: undetermined',
      [{ code: 'syphilis_nt_birth', at: '2024-03-01', result: 'positive', titre: 4 }],
      4,
      'undetermined',
    ],
    [
      'titre rises 1:2 → 1:8: congenital syphilis',
      [
        { code: 'syphilis_nt_3m', at: '2024-06-01', result: 'positive', titre: 2 },
        { code: 'syphilis_nt_6m', at: '2024-09-01', result: 'positive', titre: 8 },
      ],
      4,
      'infected',
    ],
    [
      'treponemal positive at 18 months: infected',
      [{ code: 'syphilis_tp_18m', at: '2025-09-01', result: 'positive' }],
      4,
      'infected',
    ],
    [
      'treponemal and non-treponemal negative at 18 months: not infected',
      [
        { code: 'syphilis_nt_18m', at: '2025-09-01', result: 'negative' },
        { code: 'syphilis_tp_18m', at: '2025-09-01', result: 'negative' },
      ],
      4,
      'not_infected',
    ],
    [
      'treponemal negative at 18 months, no non-treponemal test negative: undetermined (the exclusion needs both)',
      [{ code: 'syphilis_tp_18m', at: '2025-09-01', result: 'negative' }],
      4,
      'undetermined',
    ],
    [
      'non-treponemal still positive at 18 months, no treponemal test: undetermined (not a criterion)',
      [{ code: 'syphilis_nt_18m', at: '2025-09-01', result: 'positive', titre: 2 }],
      4,
      'undetermined',
    ],
  ])('final: %s', (_t, records, motherTitre, status) => {
    const p = plan({ mother: { syphilis: true, syphilisTitre: motherTitre }, records, now: '2025-09-02' });
    expect(p.final.syphilis?.status).toBe(status);
  });

  it.each([
    ['treponemal IgM positive: congenital syphilis', { treponemalIgm: 'positive' }, 'infected'],
    ['darkfield/PCR positive: congenital syphilis', { darkfieldOrPcr: 'positive' }, 'infected'],
    ['IgM and darkfield negative, nothing else: undetermined', { treponemalIgm: 'negative' }, 'undetermined'],
  ] as const)('final with the evidence that is not a duty test (PMTCT 2020 criteria): %s', (_t, ev, status) => {
    const p = plan({ mother: { syphilis: true }, syphilisEvidence: ev, now: '2024-03-10' });
    expect(p.final.syphilis?.status).toBe(status);
    if (status === 'infected') expect(statuses(p).syphilis_nt_3m).toBe('not_required');
  });

  it('the plan and congenitalSyphilisStatus give the same status and reasons (one rule)', () => {
    const p = plan({
      mother: { syphilis: true, syphilisTitre: 2 },
      records: [{ code: 'syphilis_nt_birth', at: '2024-03-01T10:00', result: 'positive', titre: 8 }],
      now: '2024-03-02',
    });
    const a = congenitalSyphilisStatus({
      motherTitreAtDelivery: 2,
      nonTreponemal: [{ ageMonths: 0, result: 'positive', titre: 8, atBirth: true }],
      treponemal: [],
    });
    expect(p.final.syphilis).toEqual({ status: a.status, reasons: a.reasons.map((r) => r.label), needed: [] });
  });

  it('prophylaxis not required by local policy', () => {
    const p = plan({ mother: { syphilis: true }, syphilisProphylaxisRequired: false, now: '2024-03-10' });
    expect(statuses(p).syphilis_prophylaxis).toBe('not_required');
  });

  it('prophylaxis due within 72 h [L]: overdue on day 4', () => {
    expect(statuses(plan({ mother: { syphilis: true }, now: '2024-03-05' })).syphilis_prophylaxis).toBe('overdue');
  });
});

describe(`${SRC}: input`, () => {
  it('only the infections of the mother open duties', () => {
    const p = plan({ mother: { hiv: false, syphilis: false, hbsag: false }, now: '2024-03-02' });
    expect([p.infections, p.duties]).toEqual([[], []]);
  });

  it.each([
    [
      'unknown record code',
      { records: [{ code: 'bcg' as never, at: '2024-03-01' }] },
      'unknown_code',
      'records[0].code',
    ],
    [
      'record before birth',
      { records: [{ code: 'hbv_hbig' as const, at: '2024-02-28' }] },
      'date_before_birth',
      'records[0].at',
    ],
    ['bad now', { now: '2024-03-32' }, 'invalid_datetime', 'now'],
  ])('fails: %s', (_t, patch, code, field) => {
    const r = exposedInfantPlan({ mother: { hbsag: true }, birthAt: BIRTH, records: [], now: '2024-03-02', ...patch });
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual([code, field]);
  });
});
