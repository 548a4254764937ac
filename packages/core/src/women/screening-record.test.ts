import { describe, expect, it } from 'vitest';
import type { BreastRecordResults, CervicalRecordResults } from './screening-record';
import { breastRecordDecision, cervicalRecordDecision } from './screening-record';
import type { CervicalScreeningMethod } from './cervical-screening';
import type { BreastScreeningMethod } from './breast-screening';

describe('两癌筛查 宫颈癌 一份筛查记录的下一步 (REFERENCE §9 cervical pathway)', () => {
  it.each<[string, CervicalScreeningMethod, CervicalRecordResults, string, string | null, boolean]>([
    ['§9 step 2: HPV16 阳性 → 阴道镜', 'hpv', { hpvTypes: ['16'] }, 'colposcopy', 'colposcopy', true],
    [
      '§9 step 3: HPV52 阳性，细胞学未出 → 细胞学分流',
      'hpv',
      { hpvTypes: ['52'] },
      'cytology_triage',
      'cytology',
      true,
    ],
    [
      '§9 step 3: HPV52 阳性 + ASC-US → 阴道镜',
      'hpv',
      { hpvTypes: ['52'], cytology: 'ASC-US' },
      'colposcopy',
      'colposcopy',
      true,
    ],
    [
      '§9 [R]: HPV52 阳性 + NILM → 12个月复查',
      'hpv',
      { hpvTypes: ['52'], cytology: 'NILM' },
      'repeat_in_12_months',
      null,
      false,
    ],
    [
      '§9 step 2: HPV18 + NILM 仍直接阴道镜',
      'hpv',
      { hpvTypes: ['18'], cytology: 'NILM' },
      'colposcopy',
      'colposcopy',
      true,
    ],
    ['§9 [R]: HPV 阴性 → 常规再筛', 'hpv', { hpvTypes: [] }, 'routine_rescreen', null, false],
    ['§9 step 4: 阴道镜异常 → 活检', 'hpv', { hpvTypes: ['16'], colposcopy: 'abnormal' }, 'biopsy', 'biopsy', true],
    [
      '§9 CIN2 → 治疗',
      'hpv',
      { hpvTypes: ['16'], colposcopy: 'abnormal', histopathology: 'CIN2' },
      'treatment',
      null,
      true,
    ],
    [
      '§9 [R] CIN1 → 12个月复查',
      'hpv',
      { hpvTypes: ['16'], colposcopy: 'abnormal', histopathology: 'CIN1' },
      'repeat_in_12_months',
      null,
      false,
    ],
    ['§9 [R] 细胞学初筛 HSIL → 阴道镜', 'cytology', { cytology: 'HSIL' }, 'colposcopy', 'colposcopy', true],
    ['§9 [R] 细胞学初筛 NILM → 常规再筛', 'cytology', { cytology: 'NILM' }, 'routine_rescreen', null, false],
    ['§9 [R] VIA/VILI 阳性 → 阴道镜', 'via_vili', { viaVili: 'positive' }, 'colposcopy', 'colposcopy', true],
    [
      '联合筛查 [L]: HPV阴性 + LSIL → 阴道镜',
      'co_test',
      { hpvTypes: [], cytology: 'LSIL' },
      'colposcopy',
      'colposcopy',
      true,
    ],
    [
      '联合筛查 [L]: HPV阴性 + NILM → 常规再筛',
      'co_test',
      { hpvTypes: [], cytology: 'NILM' },
      'routine_rescreen',
      null,
      false,
    ],
  ])('%s', (_title, method, results, next, exam, opensCase) => {
    const d = cervicalRecordDecision(method, results);
    expect(d.ok && d.status === 'decided' && d.next).toBe(next);
    expect(d.ok && d.status === 'decided' && d.nextExam).toBe(exam);
    expect(d.ok && d.status === 'decided' && d.opensCase).toBe(opensCase);
  });

  it.each<[string, CervicalScreeningMethod, CervicalRecordResults, string]>([
    ['HPV not yet reported', 'hpv', {}, 'hpv'],
    ['cytology not yet reported', 'cytology', { hpvTypes: null }, 'cytology'],
    ['VIA/VILI not yet recorded', 'via_vili', {}, 'via_vili'],
  ])('pending: %s', (_t, method, results, awaiting) => {
    expect(cervicalRecordDecision(method, results)).toEqual({ ok: true, status: 'pending', awaiting });
  });

  it.each<[string, CervicalScreeningMethod, CervicalRecordResults, string]>([
    ['unknown HPV type text', 'hpv', { hpvTypes: ['abc'] }, 'INVALID_HPV_TYPE'],
    ['co-test without cytology', 'co_test', { hpvTypes: [] }, 'METHOD_RESULT_MISSING'],
  ])('refuses %s', (_t, method, results, code) => {
    expect(cervicalRecordDecision(method, results)).toMatchObject({ ok: false, code });
  });
});

describe('两癌筛查 乳腺癌 一份筛查记录的下一步 (REFERENCE §9 breast pathway)', () => {
  it.each<[string, BreastScreeningMethod, BreastRecordResults, string, string | null, boolean]>([
    [
      '§9 step 2: 超声 BI-RADS 2 → 3年后再筛',
      'breast_ultrasound',
      { ultrasound: '2' },
      'routine_rescreen',
      null,
      false,
    ],
    [
      '§9 step 3: 超声 BI-RADS 3 → 乳腺X线',
      'breast_ultrasound',
      { ultrasound: '3' },
      'mammography',
      'mammography',
      true,
    ],
    [
      '§9 step 3: 高危妇女 超声 1 → 乳腺X线',
      'breast_ultrasound',
      { ultrasound: '1', highRisk: true },
      'mammography',
      'mammography',
      true,
    ],
    ['§9 step 4 [R]: 超声 4A → 活检', 'breast_ultrasound', { ultrasound: '4A' }, 'biopsy', 'biopsy', true],
    [
      '§9 step 3: X线 0 → 专家会诊',
      'breast_ultrasound',
      { ultrasound: '0', mammography: '0' },
      'senior_review',
      'senior_review',
      true,
    ],
    [
      '§9 step 3: 会诊 → 活检',
      'breast_ultrasound',
      { ultrasound: '0', mammography: '3', seniorReview: 'biopsy' },
      'biopsy',
      'biopsy',
      true,
    ],
    [
      '§9 [R] 病理浸润性癌 → 治疗',
      'breast_ultrasound',
      { ultrasound: '5', pathology: 'invasive_carcinoma' },
      'treatment',
      null,
      true,
    ],
    ['X线初筛 BI-RADS 1 → 常规再筛', 'mammography', { mammography: '1' }, 'routine_rescreen', null, false],
  ])('%s', (_title, method, results, next, exam, opensCase) => {
    const d = breastRecordDecision(method, results);
    expect(d.ok && d.status === 'decided' && d.next).toBe(next);
    expect(d.ok && d.status === 'decided' && d.nextExam).toBe(exam);
    expect(d.ok && d.status === 'decided' && d.opensCase).toBe(opensCase);
  });

  it.each<[BreastScreeningMethod, string]>([
    ['breast_ultrasound', 'ultrasound'],
    ['mammography', 'mammography'],
  ])('pending without the first-line result (%s)', (method, awaiting) => {
    expect(breastRecordDecision(method, {})).toEqual({ ok: true, status: 'pending', awaiting });
  });
});
