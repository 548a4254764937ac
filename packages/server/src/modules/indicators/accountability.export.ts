/**
 * Documents of the accountability work: the notice (通报) as PDF — title, document number, addressees, the body,
 * the table of named units and missed indicators (ranked), the issuer and date — and as xlsx; the list of summons
 * with their follow-up actions as xlsx (overdue actions highlighted).
 */
import ExcelJS from 'exceljs';
import {
  ACTION_STATE_LABELS,
  formatIndicatorValue,
  SUMMONS_STATE_LABELS,
  TARGET_EVALUATION_LABELS,
  type TargetComparator,
} from '@fuyou/core';
import { renderPdf } from '../../platform/pdf';
import type { LaggingMiss, NoticeDto } from './accountability.service';
import type { SummonsDto } from './summons.service';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A target as printed: '≥93%', '<4.5‰', '无可避免孕产妇死亡'. */
export function targetText(m: Pick<LaggingMiss, 'unit'> & { target: { comparator: TargetComparator; value: number } }) {
  if (m.target.comparator === 'no_avoidable_maternal_death') return '无可避免的孕产妇死亡';
  const op = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' }[m.target.comparator];
  return `${op}${formatIndicatorValue(m.target.value, m.unit, 'zh', m.unit === 'count' ? 0 : 2)}`;
}

/** A value as printed with its unit. */
export function valueText(m: Pick<LaggingMiss, 'unit' | 'value'>): string {
  return formatIndicatorValue(m.value, m.unit, 'zh', m.unit === 'count' ? 0 : 2);
}

/** The gap as printed (in the indicator's unit, and relative when the target is not zero). */
export function gapText(m: Pick<LaggingMiss, 'unit' | 'gap' | 'relativeGap' | 'target'>): string {
  // a gap between two percentages is in percentage points
  const abs =
    m.unit === '%'
      ? `${m.gap.toFixed(2)}个百分点`
      : formatIndicatorValue(m.gap, m.unit, 'zh', m.unit === 'count' ? 0 : 2);
  return m.target.value > 0 ? `${abs}（${(m.relativeGap * 100).toFixed(1)}%）` : abs;
}

function addressees(n: NoticeDto): string {
  return n.unitKind === 'county' ? '各县（市、区）卫生健康局：' : '辖区各有关医疗卫生机构：';
}

/** The rows of the notice table: one per unit and missed indicator, in rank order. */
export function noticeRows(n: NoticeDto) {
  return n.units.flatMap((u) =>
    u.misses.map((m, i) => ({
      first: i === 0,
      span: u.misses.length,
      rank: u.rank,
      unit: u.name,
      county: u.countyName ?? u.countyCode,
      indicator: m.nameZh,
      value: valueText(m),
      target: targetText(m),
      gap: gapText(m),
      evaluation: TARGET_EVALUATION_LABELS[m.evaluation].zh,
      basis:
        m.numerator !== null && m.denominator !== null ? `${m.numerator}/${m.denominator}` : String(m.numerator ?? ''),
      smallNumber: m.smallNumber,
    })),
  );
}

/** The notice as a PDF (A4 portrait). */
export async function noticePdf(n: NoticeDto): Promise<{ buffer: Buffer; filename: string }> {
  const rows = noticeRows(n);
  const head = [
    '名次',
    n.unitKind === 'county' ? '县（区）' : '机构',
    '未达标指标',
    '指标值',
    '目标',
    '差距',
    '分子/分母',
  ].map((t) => ({ text: t, bold: true, alignment: 'center', fillColor: '#f2f2f2' }));
  const body = [
    head,
    ...rows.map((r) => [
      r.first ? { text: String(r.rank), rowSpan: r.span, alignment: 'center' } : '',
      r.first ? { text: r.unit, rowSpan: r.span } : '',
      r.indicator,
      { text: r.smallNumber ? `${r.value}※` : r.value, alignment: 'right' },
      { text: r.target, alignment: 'right' },
      { text: r.gap, alignment: 'right' },
      { text: r.basis, alignment: 'right' },
    ]),
  ];
  const doc = {
    info: { title: n.title, creator: 'Fuyou', producer: 'Fuyou' },
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    content: [
      { text: n.title, fontSize: 17, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      ...(n.docNo ? [{ text: n.docNo, alignment: 'center', fontSize: 11, margin: [0, 0, 0, 14] }] : []),
      { text: addressees(n), fontSize: 11, margin: [0, 6, 0, 6] },
      { text: n.body, fontSize: 11, leadingIndent: 22, lineHeight: 1.4, margin: [0, 0, 0, 10] },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [26, 70, '*', 52, 52, 62, 50], body },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
        fontSize: 9,
      },
      {
        text: `统计时段：${n.periodFrom} 至 ${n.periodTo}；数据截至 ${new Date(n.dataAsOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}；“※”：分子或分母较小，指标值波动较大，请结合实际情况分析。`,
        fontSize: 8,
        color: '#555555',
        margin: [0, 6, 0, 24],
      },
      { text: n.issuerName, alignment: 'right', fontSize: 11 },
      {
        text: n.issuedOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`),
        alignment: 'right',
        fontSize: 11,
      },
    ],
    footer: (page: number, pages: number) => ({
      text: `— ${page} / ${pages} —`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 16, 0, 0],
    }),
  };
  return { buffer: await renderPdf(doc), filename: `通报-${n.regionName ?? n.regionCode}-${n.periodKey}.pdf` };
}

/** The notice as an xlsx (its table with the unit cells merged over their indicators). */
export async function noticeXlsx(n: NoticeDto): Promise<{ buffer: Buffer; filename: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fuyou';
  const ws = wb.addWorksheet('通报', {
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = 9;
  const line = (r: number, text: string, font: Partial<ExcelJS.Font>, align: 'center' | 'left' | 'right' = 'left') => {
    ws.mergeCells(r, 1, r, width);
    const c = ws.getCell(r, 1);
    c.value = text;
    c.font = font;
    c.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  line(1, n.title, { bold: true, size: 15 }, 'center');
  ws.getRow(1).height = 26;
  line(2, n.docNo ?? '', { size: 10 }, 'center');
  line(3, addressees(n), { size: 10 });
  line(4, n.body, { size: 10 });
  ws.getRow(4).height = 60;
  const head = [
    '名次',
    n.unitKind === 'county' ? '县（区）' : '机构',
    '所在县区',
    '未达标指标',
    '指标值',
    '目标',
    '差距',
    '评价',
    '分子/分母',
  ];
  head.forEach((h, i) => {
    const c = ws.getCell(6, i + 1);
    c.value = h;
    c.font = { bold: true };
    c.border = THIN;
    c.alignment = { horizontal: 'center' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  let r = 7;
  for (const row of noticeRows(n)) {
    const vals = [
      row.rank,
      row.unit,
      row.county,
      row.indicator,
      row.value,
      row.target,
      row.gap,
      row.evaluation,
      row.basis,
    ];
    vals.forEach((v, i) => {
      const c = ws.getCell(r, i + 1);
      c.value = v;
      c.border = THIN;
      c.alignment = { vertical: 'middle', horizontal: i >= 4 ? 'right' : 'left' };
    });
    if (row.first && row.span > 1) for (const col of [1, 2, 3]) ws.mergeCells(r, col, r + row.span - 1, col);
    r += 1;
  }
  line(r + 1, `${n.issuerName}    ${n.issuedOn}`, { size: 10 }, 'right');
  line(r + 2, `统计时段：${n.periodFrom} 至 ${n.periodTo}；数据截至 ${n.dataAsOf}`, {
    size: 8,
    color: { argb: 'FF666666' },
  });
  [6, 20, 12, 30, 12, 12, 16, 10, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return {
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: `通报-${n.regionName ?? n.regionCode}-${n.periodKey}.xlsx`,
  };
}

/** The summons list as xlsx: one row per action (a summons without actions: one row), overdue in red. */
export async function summonsXlsx(items: readonly SummonsDto[]): Promise<{ buffer: Buffer; filename: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fuyou';
  const ws = wb.addWorksheet('约谈记录');
  ws.columns = [
    { header: '约谈日期', key: 'summonedOn', width: 12 },
    { header: '约谈机关', key: 'issuer', width: 12 },
    { header: '被约谈单位', key: 'unit', width: 22 },
    { header: '所在县区', key: 'county', width: 10 },
    { header: '约谈事由', key: 'reason', width: 30 },
    { header: '涉及指标', key: 'indicators', width: 26 },
    { header: '参加人员', key: 'attendees', width: 30 },
    { header: '整改状态', key: 'state', width: 10 },
    { header: '整改措施', key: 'action', width: 30 },
    { header: '责任人', key: 'responsible', width: 12 },
    { header: '完成期限', key: 'dueOn', width: 12 },
    { header: '完成日期', key: 'completedOn', width: 12 },
    { header: '完成情况', key: 'completionNote', width: 26 },
    { header: '措施状态', key: 'actionState', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const s of items) {
    const common = {
      summonedOn: s.summonedOn,
      issuer: s.issuerRegionName ?? s.issuerRegionCode,
      unit: s.unitName,
      county: s.countyName ?? s.countyCode,
      reason: s.reason,
      indicators: s.indicators.map((i) => i.nameZh).join('、'),
      attendees: s.attendees.map((a) => `${a.name}${a.position ? `（${a.position}）` : ''}`).join('、'),
      state: SUMMONS_STATE_LABELS[s.state].zh,
    };
    if (!s.actions.length) ws.addRow(common);
    for (const a of s.actions) {
      const row = ws.addRow({
        ...common,
        action: a.description,
        responsible: a.responsible,
        dueOn: a.dueOn,
        completedOn: a.completedOn ?? '',
        completionNote: a.completionNote ?? '',
        actionState: ACTION_STATE_LABELS[a.state].zh,
      });
      if (a.state === 'overdue') row.font = { color: { argb: 'FFC00000' } };
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: '约谈记录.xlsx' };
}
