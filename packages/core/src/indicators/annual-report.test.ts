import { describe, expect, it } from 'vitest';
import { GYN_SURVEY_FINDINGS } from '../women/gyn-pelvic';
import {
  ANNUAL_REPORT_GYN_FINDING_GROUPS,
  ANNUAL_REPORT_TABLE_IDS,
  ANNUAL_REPORT_TABLES,
  getAnnualReportTable,
  reportHeaderLayout,
  reportLeafColumns,
  reportUnitOf,
  tableIndicatorIds,
  tableLeafColumns,
  tableMeasureIds,
  type ReportColumn,
} from './annual-report';
import { getIndicator } from './indicator-catalogue';
import { getIndicatorMeasure } from './indicator-measures';

const LEAD = [
  { labelZh: '地区', labelEn: 'Region' },
  { labelZh: '代码', labelEn: 'Code' },
];

// REFERENCE §3 "Tables": 卫统41 孕产妇保健和健康, 42 7岁以下儿童保健和健康, 43 非户籍, 44 妇女常见病筛查, 46 婚前保健
describe('annual report tables (妇幼健康统计调查制度, REFERENCE §3)', () => {
  it.each([
    ['wt41', '卫统41表', '孕产妇保健和健康情况年报表', ['hukou', 'residence']],
    ['wt42', '卫统42表', '7岁以下儿童保健和健康情况年报表', ['hukou', 'residence']],
    ['wt43', '卫统43表', '非户籍儿童与孕产妇健康状况年报表', ['non_hukou']],
    ['wt44', '卫统44表', '妇女常见病筛查情况年报表', ['residence']],
    ['wt46', '卫统46表', '婚前保健情况年报表', ['residence']],
  ])('%s is %s %s, shown for %j', (id, code, title, bases) => {
    const t = getAnnualReportTable(id)!;
    expect(t.code).toBe(code);
    expect(t.titleZh).toBe(title);
    expect(t.bases).toEqual(bases);
  });

  it('lists the tables in report order', () => {
    expect(ANNUAL_REPORT_TABLES.map((t) => t.id)).toEqual(ANNUAL_REPORT_TABLE_IDS);
    expect(getAnnualReportTable('wt45')).toBeUndefined();
  });

  it.each(ANNUAL_REPORT_TABLES.map((t) => [t.id, t] as const))(
    '%s: leaf keys are unique, every leaf has a source and a unit',
    (_id, t) => {
      const leaves = tableLeafColumns(t);
      expect(new Set(leaves.map((l) => l.key)).size).toBe(leaves.length);
      for (const l of leaves) {
        expect(l.source, l.key).toBeDefined();
        expect(l.unit, l.key).toBeDefined();
      }
    },
  );

  it.each(ANNUAL_REPORT_TABLES.map((t) => [t.id, t] as const))(
    '%s: reads only catalogue measures, server parts and catalogue indicators',
    (_id, t) => {
      for (const m of tableMeasureIds(t)) {
        if (m.startsWith('part_')) continue;
        expect(getIndicatorMeasure(m), m).toBeDefined();
      }
      for (const i of tableIndicatorIds(t)) expect(getIndicator(i), i).toBeDefined();
    },
  );

  it.each(ANNUAL_REPORT_TABLES.map((t) => [t.id, t] as const))(
    '%s: a rate column carries its indicator unit; a numerator column counts people',
    (_id, t) => {
      for (const l of tableLeafColumns(t)) {
        const s = l.source!;
        if (s.kind === 'indicator' && s.part === 'value')
          expect(l.unit).toBe(reportUnitOf(getIndicator(s.indicator)!.unit));
        if (s.kind === 'indicator' && s.part !== 'value') expect(l.unit).toBe('人');
        if (s.kind === 'ratio') expect(l.unit).toBe(reportUnitOf(s.unit));
      }
    },
  );

  it('every table ends with its main indicators', () => {
    for (const t of ANNUAL_REPORT_TABLES) {
      const last = t.sections.at(-1)!;
      expect(last.id).toBe('rates');
      for (const l of reportLeafColumns(last)) expect(['indicator', 'ratio']).toContain(l.source!.kind);
    }
  });

  it('table 44 groups every gynaecological survey finding exactly once', () => {
    const grouped = ANNUAL_REPORT_GYN_FINDING_GROUPS.flatMap((g) => g.findings);
    expect([...grouped].sort()).toEqual(GYN_SURVEY_FINDINGS.map((f) => f.code).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it.each([
    ['%', '%'],
    ['‰', '‰'],
    ['per_100k', '1/10万'],
    ['per_10k', '1/万'],
    ['count', '例'],
  ] as const)('indicator unit %s prints as %s', (u, r) => {
    expect(reportUnitOf(u)).toBe(r);
  });
});

describe('header layout (as the paper forms print it)', () => {
  it('卫统41 孕产妇保健: two label rows, groups over their leaves, the code row 甲 乙 1…n', () => {
    const t = getAnnualReportTable('wt41')!;
    const care = t.sections[0]!;
    const h = reportHeaderLayout(care, LEAD);
    const leaves = reportLeafColumns(care);
    expect(h.depth).toBe(2);
    expect(h.width).toBe(2 + leaves.length);
    expect(h.codes.slice(0, 3)).toEqual(['甲', '乙', '1']);
    expect(h.codes.at(-1)).toBe(String(leaves.length));
    const at = (row: number, col: number) => h.cells.find((c) => c.row === row && c.col === col);
    expect(at(0, 0)).toMatchObject({ labelZh: '地区', rowSpan: 2, colSpan: 1 });
    expect(at(0, 1)).toMatchObject({ labelZh: '代码', rowSpan: 2 });
    expect(at(0, 2)).toMatchObject({ labelZh: '活产数', rowSpan: 1, colSpan: 4 });
    expect(at(1, 2)).toMatchObject({ labelZh: '合计', key: 'live_births', unit: '人', rowSpan: 1 });
    expect(at(1, 5)).toMatchObject({ labelZh: '性别不明' });
    // a leaf at the top level spans both label rows
    expect(at(0, 6)).toMatchObject({ labelZh: '产妇数', rowSpan: 2, colSpan: 1, key: 'deliveries' });
    expect(at(0, 7)).toMatchObject({ labelZh: '孕产妇保健管理', colSpan: 5 });
    // the grid is covered exactly once
    const covered = new Set<string>();
    for (const c of h.cells)
      for (let r = c.row; r < c.row + c.rowSpan; r++)
        for (let k = c.col; k < c.col + c.colSpan; k++) {
          const key = `${r}:${k}`;
          expect(covered.has(key), key).toBe(false);
          covered.add(key);
        }
    expect(covered.size).toBe(h.depth * h.width);
  });

  it('a section without groups has one label row', () => {
    const rates = getAnnualReportTable('wt42')!.sections.at(-1)!;
    const h = reportHeaderLayout(rates, LEAD);
    expect(h.depth).toBe(1);
    expect(h.cells.every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
  });

  it('three levels: a group inside a group, leaves of unequal depth', () => {
    const leaf = (key: string): ReportColumn => ({
      key,
      labelZh: key,
      labelEn: key,
      unit: '人',
      source: { kind: 'measure', measure: key },
    });
    const h = reportHeaderLayout(
      {
        columns: [
          leaf('a'),
          {
            key: 'g',
            labelZh: 'G',
            labelEn: 'G',
            children: [leaf('b'), { key: 'h', labelZh: 'H', labelEn: 'H', children: [leaf('c'), leaf('d')] }],
          },
        ],
      },
      [{ labelZh: '地区', labelEn: 'Region' }],
    );
    expect(h.depth).toBe(3);
    expect(h.width).toBe(5);
    expect(h.codes).toEqual(['甲', '1', '2', '3', '4']);
    const byKey = (k: string) => h.cells.find((c) => c.key === k || c.labelZh === k)!;
    expect(byKey('a')).toMatchObject({ row: 0, col: 1, rowSpan: 3 });
    expect(byKey('G')).toMatchObject({ row: 0, col: 2, colSpan: 3 });
    expect(byKey('b')).toMatchObject({ row: 1, col: 2, rowSpan: 2 });
    expect(byKey('H')).toMatchObject({ row: 1, col: 3, colSpan: 2 });
    expect(byKey('c')).toMatchObject({ row: 2, col: 3, rowSpan: 1 });
    expect(byKey('d')).toMatchObject({ row: 2, col: 4 });
  });
});
