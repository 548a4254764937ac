import ExcelJS from 'exceljs';
import type { LedgerItem } from './case.service';

const KIND_ZH: Record<string, string> = {
  anaemia: '贫血',
  undernutrition: '营养不良',
  overweight_obesity: '超重/肥胖',
  rickets: '佝偻病',
  high_risk_infant: '高危儿',
  preterm: '早产儿',
};
const STATUS_ZH: Record<string, string> = { proposed: '待确认', open: '在管', closed: '已结案', dismissed: '不纳入' };

/** The case ledger as an xlsx workbook (identifiers masked as in lists). */
export async function ledgerWorkbook(items: readonly LedgerItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fuyou';
  const ws = wb.addWorksheet('体弱儿高危儿台账');
  ws.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '性别', key: 'sex', width: 6 },
    { header: '出生日期', key: 'birth', width: 12 },
    { header: '证件号码', key: 'id', width: 22 },
    { header: '现住址', key: 'residence', width: 16 },
    { header: '专案类型', key: 'kind', width: 12 },
    { header: '程度/分级', key: 'severity', width: 12 },
    { header: '状态', key: 'status', width: 8 },
    { header: '提出日期', key: 'proposed', width: 12 },
    { header: '建案日期', key: 'opened', width: 12 },
    { header: '随访次数', key: 'followups', width: 8 },
    { header: '下次随访', key: 'due', width: 12 },
    { header: '逾期', key: 'overdue', width: 6 },
    { header: '结案日期', key: 'closed', width: 12 },
    { header: '转归', key: 'outcome', width: 10 },
    { header: '管理机构', key: 'inst', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const i of items) {
    ws.addRow({
      name: i.childName,
      sex: i.sex === 'male' ? '男' : i.sex === 'female' ? '女' : '未知',
      birth: i.birthDate ?? '',
      id: i.idNumberMasked ?? '',
      residence: i.residenceRegionName ?? '',
      kind: KIND_ZH[i.kind] ?? i.kind,
      severity: i.severity ?? '',
      status: STATUS_ZH[i.status] ?? i.status,
      proposed: i.proposedOn,
      opened: i.openedOn ?? '',
      followups: i.followups,
      due: i.nextFollowUpDue ?? '',
      overdue: i.overdue ? '是' : '',
      closed: i.closedOn ?? '',
      outcome: i.outcome ?? '',
      inst: i.institutionName ?? '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
