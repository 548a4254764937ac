import ExcelJS from 'exceljs';
import type { LedgerItem } from './case.service';

const COLOUR_ZH: Record<string, string> = { green: '绿色', yellow: '黄色', orange: '橙色', red: '红色' };
const STATUS_ZH: Record<string, string> = { open: '在管', closed: '已结案' };
const PREG_ZH: Record<string, string> = { antenatal: '孕期', postpartum: '产后', closed: '已结案' };
const CLOSE_ZH: Record<string, string> = {
  delivered_assessed: '已分娩并完成产后评估',
  risk_resolved: '风险解除',
  transferred: '转出',
  pregnancy_ended: '妊娠终止',
  death: '死亡',
  other: '其他',
};

/** The high-risk ledger (高危孕产妇台账) as an xlsx workbook; identifiers masked as in lists. */
export async function ledgerWorkbook(items: readonly LedgerItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fuyou';
  const ws = wb.addWorksheet('高危孕产妇台账');
  ws.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '证件号码', key: 'id', width: 22 },
    { header: '年龄', key: 'age', width: 6 },
    { header: '现住址', key: 'residence', width: 16 },
    { header: '流动人口', key: 'nonResident', width: 8 },
    { header: '风险颜色', key: 'colour', width: 10 },
    { header: '紫色', key: 'purple', width: 6 },
    { header: '高危因素', key: 'reasons', width: 40 },
    { header: '建案日期', key: 'opened', width: 12 },
    { header: '预产期', key: 'edd', width: 12 },
    { header: '当前孕周', key: 'ga', width: 8 },
    { header: '孕产期', key: 'pregnancy', width: 8 },
    { header: '专案状态', key: 'status', width: 8 },
    { header: '管理机构', key: 'inst', width: 24 },
    { header: '分娩医院', key: 'delivery', width: 24 },
    { header: '随访次数', key: 'followups', width: 8 },
    { header: '末次随访', key: 'lastFollowUp', width: 12 },
    { header: '下次随访', key: 'nextDue', width: 12 },
    { header: '报告待确认', key: 'reportPending', width: 10 },
    { header: '报告时限', key: 'reportDue', width: 18 },
    { header: '逾期', key: 'overdue', width: 6 },
    { header: '转诊未接收', key: 'referrals', width: 10 },
    { header: '结案日期', key: 'closed', width: 12 },
    { header: '结案原因', key: 'closeReason', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const i of items) {
    ws.addRow({
      name: i.womanName,
      id: i.idNumberMasked ?? '',
      age: i.ageYears ?? '',
      residence: i.residenceRegionName ?? '',
      nonResident: i.nonResident ? '是' : '',
      colour: COLOUR_ZH[i.colour] ?? i.colour,
      purple: i.purple ? '是' : '',
      reasons: i.reasons.map((r) => r.zh).join('；'),
      opened: i.openedOn,
      edd: i.edd,
      ga: i.gestationalAge ?? '',
      pregnancy: PREG_ZH[i.pregnancyStatus] ?? i.pregnancyStatus,
      status: STATUS_ZH[i.status] ?? i.status,
      inst: i.managingInstitutionName ?? '',
      delivery: i.deliveryHospitalName ?? '',
      followups: i.followups,
      lastFollowUp: i.lastFollowUpOn ?? '',
      nextDue: i.nextFollowUpDue ?? '',
      reportPending: i.reportPending ? '是' : '',
      reportDue: i.reportDueAt ? new Date(i.reportDueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '',
      overdue: i.reportOverdue || i.followUpOverdue ? '是' : '',
      referrals: i.referralsPending || '',
      closed: i.closedOn ?? '',
      closeReason: i.closeReason ? (CLOSE_ZH[i.closeReason] ?? i.closeReason) : '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
