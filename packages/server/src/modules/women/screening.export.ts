import ExcelJS from 'exceljs';
import {
  BI_RADS_CATEGORIES,
  BREAST_NEXT_STEP_LABELS,
  BREAST_PATHOLOGY,
  CANCER_SCREENING_COHORT_LABELS,
  CERVICAL_HISTOLOGY,
  CERVICAL_NEXT_STEP_LABELS,
  COLPOSCOPY_LABELS,
  HPV_CATEGORY_LABELS,
  SCREENING_CASE_NEXT_STEP_LABELS,
  SCREENING_CASE_STATE_LABELS,
  VIA_VILI_LABELS,
} from '@fuyou/core';
import type { CaseListItem, ScreeningListItem } from './screening.service';

const METHOD_ZH: Record<string, string> = {
  hpv: 'HPV检测',
  cytology: '宫颈细胞学',
  co_test: 'HPV+细胞学联合',
  via_vili: 'VIA/VILI',
  breast_ultrasound: '乳腺超声',
  mammography: '乳腺X线',
};
const STATUS_ZH: Record<string, string> = { pending: '待出结果', normal: '未见异常', abnormal: '异常' };

function label(map: Record<string, { zh: string }>, code: string | null | undefined): string {
  if (!code) return '';
  return map[code]?.zh ?? code;
}
function listLabel(list: readonly { code: string; zh: string }[], code: string | null | undefined): string {
  if (!code) return '';
  return list.find((x) => x.code === code)?.zh ?? code;
}

/** Summary of the results of a record in one cell. */
export function resultSummary(i: Omit<ScreeningListItem, 'womanName'> | ScreeningListItem): string {
  const parts: string[] = [];
  if (i.hpvTypes) parts.push(i.hpvTypes.length ? `HPV ${i.hpvTypes.join('/')}型阳性` : 'HPV阴性');
  if (i.cytology) parts.push(`TBS ${i.cytology}`);
  if (i.viaVili) parts.push(label(VIA_VILI_LABELS, i.viaVili));
  if (i.colposcopy) parts.push(label(COLPOSCOPY_LABELS, i.colposcopy));
  if (i.histopathology) parts.push(listLabel(CERVICAL_HISTOLOGY, i.histopathology));
  if (i.ultrasoundBirads) parts.push(`超声 BI-RADS ${i.ultrasoundBirads}`);
  if (i.mammographyBirads) parts.push(`X线 BI-RADS ${i.mammographyBirads}`);
  if (i.breastPathology) parts.push(listLabel(BREAST_PATHOLOGY, i.breastPathology));
  return parts.join('；');
}

function nextStepZh(kind: string, step: string | null): string {
  if (!step) return '';
  return kind === 'cervical' ? label(CERVICAL_NEXT_STEP_LABELS, step) : label(BREAST_NEXT_STEP_LABELS, step);
}

/** The screening list as an xlsx workbook (identifiers masked as in the list). */
export async function screeningWorkbook(items: readonly ScreeningListItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fuyou';
  const ws = wb.addWorksheet('两癌筛查');
  ws.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '证件号码', key: 'id', width: 22 },
    { header: '出生日期', key: 'birth', width: 12 },
    { header: '现住址', key: 'residence', width: 16 },
    { header: '人群', key: 'cohort', width: 14 },
    { header: '筛查类别', key: 'kind', width: 8 },
    { header: '筛查方法', key: 'method', width: 14 },
    { header: '筛查日期', key: 'date', width: 12 },
    { header: '年龄', key: 'age', width: 6 },
    { header: '免费项目', key: 'funded', width: 8 },
    { header: 'HPV分类', key: 'hpv', width: 16 },
    { header: '检查结果', key: 'results', width: 40 },
    { header: '结果', key: 'status', width: 10 },
    { header: '下一步', key: 'next', width: 18 },
    { header: '下次筛查', key: 'due', width: 12 },
    { header: '随访状态', key: 'case', width: 12 },
    { header: '随访逾期', key: 'overdue', width: 8 },
    { header: '筛查机构', key: 'inst', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const i of items) {
    ws.addRow({
      name: i.womanName,
      id: i.idNumberMasked ?? '',
      birth: i.birthDate ?? '',
      residence: i.residenceRegionName ?? '',
      cohort: label(CANCER_SCREENING_COHORT_LABELS, i.cohort),
      kind: i.kind === 'cervical' ? '宫颈癌' : '乳腺癌',
      method: METHOD_ZH[i.method] ?? i.method,
      date: i.screeningDate,
      age: i.ageAtScreening,
      funded: i.funded ? '是' : '否',
      hpv: label(HPV_CATEGORY_LABELS, i.hpvCategory),
      results: resultSummary(i),
      status: STATUS_ZH[i.status] ?? i.status,
      next: nextStepZh(i.kind, i.nextStep),
      due: i.nextDueOn ?? '',
      case: label(SCREENING_CASE_STATE_LABELS, i.caseState),
      overdue: i.caseOverdue ? '是' : '',
      inst: i.institutionName ?? '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The follow-up cases (or the overdue worklist) as an xlsx workbook. */
export async function caseWorkbook(items: readonly CaseListItem[], title = '两癌异常随访'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fuyou';
  const ws = wb.addWorksheet(title);
  ws.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '证件号码', key: 'id', width: 22 },
    { header: '出生日期', key: 'birth', width: 12 },
    { header: '现住址', key: 'residence', width: 16 },
    { header: '筛查类别', key: 'kind', width: 8 },
    { header: '筛查日期', key: 'date', width: 12 },
    { header: '随访状态', key: 'state', width: 14 },
    { header: '下一步', key: 'next', width: 18 },
    { header: '应完成日期', key: 'due', width: 12 },
    { header: '逾期天数', key: 'late', width: 8 },
    { header: '病变程度', key: 'grade', width: 10 },
    { header: '治疗日期', key: 'treated', width: 12 },
    { header: '结案日期', key: 'closed', width: 12 },
    { header: '机构', key: 'inst', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  const GRADE: Record<string, string> = { none: '无', low_grade: '低级别', precancer: '癌前病变', cancer: '癌' };
  for (const i of items) {
    ws.addRow({
      name: i.womanName,
      id: i.idNumberMasked ?? '',
      birth: i.birthDate ?? '',
      residence: i.residenceRegionName ?? '',
      kind: i.kind === 'cervical' ? '宫颈癌' : '乳腺癌',
      date: i.screeningDate,
      state: label(SCREENING_CASE_STATE_LABELS, i.state),
      next: label(SCREENING_CASE_NEXT_STEP_LABELS, i.nextStep),
      due: i.dueOn ?? '',
      late: i.daysOverdue || '',
      grade: i.lesionGrade ? (GRADE[i.lesionGrade] ?? i.lesionGrade) : '',
      treated: i.treatedOn ?? '',
      closed: i.closedOn ?? '',
      inst: i.institutionName ?? '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** BI-RADS label (for reuse by pages and exports). */
export const biradsZh = (code: string | null) => listLabel(BI_RADS_CATEGORIES, code);
