import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssuesToFields } from './validation';

describe('zodIssuesToFields: messages name the field in Chinese', () => {
  const schema = z.object({
    careItems: z.array(z.enum(['a', 'b'], '关爱服务项目无效')),
    defects: z.array(z.object({ icd10: z.string().min(3, '编码过短') })),
    appliedOn: z.string().min(10, '日期格式应为 YYYY-MM-DD'),
  });
  it.each<[string, unknown, string, string]>([
    [
      'an item of a list is named after the list',
      { careItems: ['x'] },
      'careItems.0',
      '关爱服务第1项：关爱服务项目无效',
    ],
    [
      'a field of a list item by its own label',
      { defects: [{ icd10: 'Q' }] },
      'defects.0.icd10',
      'ICD-10编码：编码过短',
    ],
    ['a plain field', { appliedOn: '2025' }, 'appliedOn', '申请日期：日期格式应为 YYYY-MM-DD'],
  ])('%s', (_t, body, field, zh) => {
    const r = schema.partial().safeParse(body);
    expect(r.success).toBe(false);
    const f = zodIssuesToFields(r.success ? [] : r.error.issues).find((x) => x.field === field);
    expect(f?.messageZh).toBe(zh);
  });
});
