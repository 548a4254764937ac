/**
 * zod schema of a target as entered by a user or imported from a work plan, so the server and the web validate
 * targets with the same rules: a GB/T 2260 region code, a year, a catalogue indicator (and one of its versions),
 * a comparator and a value that fits the indicator's unit.
 */
import { z } from 'zod';
import { getIndicator } from './indicator-catalogue';
import { TARGET_COMPARATORS } from './indicator-targets';
import type { IndicatorTarget } from './indicator-targets';

/** Schema of an {@link IndicatorTarget}. Issues carry stable messages (the codes below) on the field at fault. */
export const indicatorTargetSchema = z
  .object({
    regionCode: z.string().regex(/^\d{6}(\d{3}){0,2}$/, 'invalid_region_code'),
    year: z.number().int('invalid_year').min(1900, 'invalid_year').max(2999, 'invalid_year'),
    indicatorId: z.string().min(1, 'unknown_indicator'),
    comparator: z.enum(TARGET_COMPARATORS as [IndicatorTarget['comparator'], ...IndicatorTarget['comparator'][]]),
    value: z.number().finite('invalid_value').min(0, 'invalid_value'),
    source: z.string().trim().min(1, 'source_required'),
    note: z.string().optional(),
    noteEn: z.string().optional(),
    textZh: z.string().optional(),
    version: z.string().optional(),
    status: z.enum(['C', 'R', 'L']).optional(),
    confirmed: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    const d = getIndicator(t.indicatorId);
    if (!d) {
      ctx.addIssue({ code: 'custom', path: ['indicatorId'], message: 'unknown_indicator' });
      return;
    }
    if (t.version !== undefined && !(d.versions ?? []).some((v) => v.id === t.version)) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'unknown_version' });
    }
    if (d.unit === '%' && t.value > 100) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'invalid_value' });
    }
    if ((t.comparator === 'no_avoidable_maternal_death') !== (t.indicatorId === 'avoidable_maternal_deaths')) {
      ctx.addIssue({ code: 'custom', path: ['comparator'], message: 'comparator_mismatch' });
    }
  });
