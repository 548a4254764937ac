import { describe, expect, it } from 'vitest';
import { parseIgrowupLmsTable, parseWhoLmsTable } from './growth-table-parser';

// First rows of WHO's published files (WHO Reference 2007 bmi_girls_z_WHO2007_exp.txt; igrowup weianthro.txt)
const WHO2007 =
  '\uFEFFMonth\tL\tM\tS\tSD4neg\tSD3neg\tSD2neg\tSD1neg\tSD0\tSD1\tSD2\tSD3\tSD4\r\n' +
  '61\t-0.8886\t15.2441\t0.09692\t10.793\t11.77\t12.748\t13.891\t15.244\t16.87\t18.858\t21.34\t23.821\r\n' +
  '62\t-0.9068\t15.2434\t0.09738\t10.786\t11.763\t12.741\t13.885\t15.243\t16.879\t18.886\t21.403\t23.92\r\n';
const IGROWUP =
  'sex\tage\tl\tm\ts\n1\t0\t0.3487\t3.3464\t0.14602\n1\t1\t0.3127\t3.3174\t0.14693\n2\t0\t0.3809\t3.2322\t0.14171\n';

describe('parseWhoLmsTable (WHO published z-score tables)', () => {
  it('reads Month, L, M, S of the WHO 2007 BMI-for-age girls table (BOM, CRLF, extra SD columns)', () => {
    const r = parseWhoLmsTable(WHO2007);
    expect(r).toEqual({
      ok: true,
      index: 'month',
      rows: [
        [61, -0.8886, 15.2441, 0.09692],
        [62, -0.9068, 15.2434, 0.09738],
      ],
    });
  });

  it.each([
    ['empty text', '', 'growth_table_empty'],
    ['header only', 'Month\tL\tM\tS\n', 'growth_table_empty'],
    ['no S column', 'Month\tL\tM\n61\t1\t2\n62\t1\t2\n', 'growth_table_missing_column'],
    ['unknown index', 'Year\tL\tM\tS\n5\t1\t2\t0.1\n6\t1\t2\t0.1\n', 'growth_table_missing_column'],
    ['text in a number', 'Month\tL\tM\tS\n61\t1\tx\t0.1\n62\t1\t2\t0.1\n', 'growth_table_bad_number'],
    ['M ≤ 0', 'Month\tL\tM\tS\n61\t1\t0\t0.1\n62\t1\t2\t0.1\n', 'growth_table_bad_number'],
    ['not sorted', 'Month\tL\tM\tS\n62\t1\t2\t0.1\n61\t1\t2\t0.1\n', 'growth_table_not_sorted'],
  ])('%s → %s', (_t, text, code) => {
    const r = parseWhoLmsTable(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.messageZh.length).toBeGreaterThan(0);
      expect(r.messageEn.length).toBeGreaterThan(0);
    }
  });

  it('gives the line of a bad value', () => {
    const r = parseWhoLmsTable('Month\tL\tM\tS\n61\t1\t2\t0.1\n62\t1\tbad\t0.1\n');
    expect(r.ok === false && r.line).toBe(3);
  });
});

describe('parseIgrowupLmsTable (WHO igrowup/anthro tables, both sexes)', () => {
  it('splits the sexes (1 = male, 2 = female)', () => {
    expect(parseIgrowupLmsTable(IGROWUP)).toEqual({
      ok: true,
      index: 'age',
      rows: {
        male: [
          [0, 0.3487, 3.3464, 0.14602],
          [1, 0.3127, 3.3174, 0.14693],
        ],
        female: [[0, 0.3809, 3.2322, 0.14171]],
      },
    });
  });

  it('reads weight-for-length tables with a lorh column', () => {
    const r = parseIgrowupLmsTable(
      'sex\tlength\tl\tm\ts\tlorh\n1\t45\t-0.3521\t2.441\t0.09182\tL\n1\t45.1\t-0.3521\t2.4577\t0.09176\tL\n',
    );
    expect(r.ok && r.index).toBe('length');
    expect(r.ok && r.rows.male[1]).toEqual([45.1, -0.3521, 2.4577, 0.09176]);
  });

  it.each([
    ['sex 3', 'sex\tage\tl\tm\ts\n3\t0\t1\t2\t0.1\n1\t1\t1\t2\t0.1\n', 'growth_table_bad_sex'],
    ['no sex column', 'age\tl\tm\ts\n0\t1\t2\t0.1\n1\t1\t2\t0.1\n', 'growth_table_missing_column'],
    ['unsorted days', 'sex\tage\tl\tm\ts\n1\t1\t1\t2\t0.1\n1\t0\t1\t2\t0.1\n', 'growth_table_not_sorted'],
  ])('%s → %s', (_t, text, code) => {
    const r = parseIgrowupLmsTable(text);
    expect(r.ok === false && r.code).toBe(code);
  });
});
