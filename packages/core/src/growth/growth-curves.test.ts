import { afterEach, describe, expect, it } from 'vitest';
import { growthCurves } from './growth-curves';
import { registerGrowthReference, resetGrowthReferences } from './growth-registry';
import { createWho2007Reference } from './growth-table-references';

describe('growthCurves: −3…+3 SD lines from the LMS (WHO published SD lines)', () => {
  it('weight-for-age boys 0–2 months: M and ±SD at birth are WHO’s (2.1 / 3.3 / 5.0 kg)', () => {
    const c = growthCurves('wfa', 'male', 0, 2);
    expect(c.xUnit).toBe('month');
    expect(c.yUnit).toBe('kg');
    expect(c.lines.map((l) => l.name)).toEqual(['-3SD', '-2SD', '-1SD', 'M', '+1SD', '+2SD', '+3SD']);
    expect(c.lines.every((l) => l.data.length === 5)).toBe(true);
    const at0 = c.lines.map((l) => l.data[0]?.[1]);
    expect(at0[3]).toBe(3.346);
    expect(at0[0]).toBeCloseTo(2.1, 1);
    expect(at0[6]).toBeCloseTo(5.0, 1);
    expect(c.standards).toEqual(['who2006']);
  });

  it('lines are ordered −3 < … < +3 at every point (length/height-for-age girls 0–60 months)', () => {
    const c = growthCurves('lhfa', 'female', 0, 60, { step: 1 });
    for (let i = 0; i < 61; i++) {
      const ys = c.lines.map((l) => l.data[i]?.[1] as number);
      for (let k = 1; k < ys.length; k++) expect(ys[k]).toBeGreaterThan(ys[k - 1] as number);
    }
  });

  it('length/height-for-age shows the 0.7 cm step at 24 months (length curve before, height curve from 24)', () => {
    const m = growthCurves('lhfa', 'male', 23.5, 24, { step: 0.5 }).lines[3]?.data;
    // WHO: day 715 length ≈ 87.37, day 731 height 87.13
    expect((m?.[1]?.[1] as number) - (m?.[0]?.[1] as number)).toBeLessThan(0);
  });

  it('weight-for-length in cm (WHO wfl boys 45 cm: M 2.441 kg)', () => {
    const c = growthCurves('wfl', 'male', 45, 46);
    expect(c.xUnit).toBe('cm');
    expect(c.lines[3]?.data).toEqual([
      [45, 2.441],
      [45.5, 2.524],
      [46, 2.608],
    ]);
  });

  it('no points where there is no reference (beyond 1856 days without WHO 2007)', () => {
    const c = growthCurves('bmifa', 'male', 60, 62, { step: 1 });
    expect(c.lines[3]?.data.map((p) => p[0])).toEqual([60]);
  });
});

describe('growthCurves with WHO 2007 registered', () => {
  afterEach(() => resetGrowthReferences());
  it('continues with the 2007 reference from 61 months (WHO bmi_boys_z_WHO2007_exp rows 61, 62)', () => {
    registerGrowthReference(
      createWho2007Reference({
        bmifa: {
          male: [
            [61, -0.7387, 15.2641, 0.0839],
            [62, -0.7621, 15.2616, 0.08414],
          ],
        },
      }),
    );
    const c = growthCurves('bmifa', 'male', 60, 62, { step: 1 });
    expect(c.lines[3]?.data).toEqual([
      [60, 15.192],
      [61, 15.264],
      [62, 15.262],
    ]);
    expect(c.standards).toEqual(['who2006', 'who2007']);
  });
});
