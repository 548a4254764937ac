import { describe, expect, it } from 'vitest';
import * as core from '../index';

describe('@fuyou/core re-exports the maternal API', () => {
  it.each([
    'assessPregnancyRisk',
    'gradePregnancyRisk',
    'screenPregnancyRisk',
    'pregnancyRiskInputSchema',
    'eddFromLmp',
    'gestationalAgeAt',
    'isEarlyRegistration',
    'maternalContactStatuses',
    'diagnoseGdmByOgtt',
    'scoreEpds',
    'pmtctInfantPlan',
    'reportDeadline',
    'newbornDeliveryFlags',
    'NATIONAL_RISK_CATALOGUE_2017',
    'ZHEJIANG_RISK_CATALOGUE_2018',
  ])('%s', (name) => {
    expect(core).toHaveProperty(name);
  });

  it('国卫办妇幼发〔2017〕35号: a 41-year-old HBsAg-positive woman with Hb 58 g/L is orange + purple, reported within 3 days', () => {
    const r = core.assessPregnancyRisk({ ageYears: 41, hbGL: 58, hbsagPositive: true });
    expect(r).toEqual({
      colour: 'orange',
      purple: true,
      matched: [
        { code: 'orange.age', colour: 'orange', zh: '年龄≥40岁' },
        { code: 'orange.severe_anaemia', colour: 'orange', zh: '血液系统疾病：重度贫血（Hb 40–60 g/L）' },
        { code: 'purple.hepatitis_b', colour: 'purple', zh: '病毒性肝炎：乙肝表面抗原阳性' },
      ],
    });
    const d = core.reportDeadline(r.colour, '2024-05-06');
    expect(d.ok && d.value?.dueAt).toBe('2024-05-09');
    expect(core.opensHighRiskCase(r.colour, r.purple)).toBe(true);
  });
});
