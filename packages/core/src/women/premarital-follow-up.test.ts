import { describe, expect, it } from 'vitest';
import type { PremaritalOpinion } from './premarital';
import { PREMARITAL_FOLLOW_UP_DEFAULT, premaritalFollowUp } from './premarital-follow-up';
import type { PremaritalFollowUpReason } from './premarital-follow-up';

describe('婚前保健工作规范（修订） 随访 [R]，期限 [L]', () => {
  it.each<[string, PremaritalOpinion, boolean, boolean, PremaritalFollowUpReason[], string | null]>([
    ['未发现不宜结婚情形、传染病阴性 → 无需随访', 'no_contraindication', false, false, [], null],
    ['建议暂缓结婚 → 随访', 'postpone_marriage', false, true, ['opinion'], '2025-03-31'],
    ['建议不宜结婚 → 随访', 'not_advised_to_marry', false, true, ['opinion'], '2025-03-31'],
    ['建议不宜生育 → 随访', 'not_advised_to_bear_children', false, true, ['opinion'], '2025-03-31'],
    ['建议采取医学措施 → 随访', 'medical_measures_respect_wishes', false, true, ['opinion'], '2025-03-31'],
    [
      '指定传染病阳性（如梅毒）即使意见为未发现 → 随访',
      'no_contraindication',
      true,
      true,
      ['infectious_positive'],
      '2025-03-31',
    ],
    ['暂缓结婚且HIV阳性 → 两个原因', 'postpone_marriage', true, true, ['opinion', 'infectious_positive'], '2025-03-31'],
  ])('%s', (_t, opinion, infectiousPositive, needed, reasons, dueDate) => {
    expect(premaritalFollowUp({ examDate: '2025-03-01', opinion, infectiousPositive })).toEqual({
      needed,
      reasons,
      dueDate,
    });
  });

  it('the day limit is configuration flagged to confirm', () => {
    expect(PREMARITAL_FOLLOW_UP_DEFAULT.meta.status).toBe('to_confirm');
    const r = premaritalFollowUp(
      { examDate: '2025-12-20', opinion: 'postpone_marriage', infectiousPositive: false },
      { ...PREMARITAL_FOLLOW_UP_DEFAULT, followUpWithinDays: 14 },
    );
    expect(r.dueDate).toBe('2026-01-03');
  });
});
