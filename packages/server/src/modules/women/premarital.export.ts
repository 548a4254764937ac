import ExcelJS from 'exceljs';
import { opinionZh, type PremaritalListItem } from './premarital.service';

/** The premarital examination list as an xlsx workbook (identifiers masked; no test results). */
export async function premaritalWorkbook(items: readonly PremaritalListItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fuyou';
  const ws = wb.addWorksheet('婚前医学检查');
  ws.columns = [
    { header: '检查日期', key: 'date', width: 12 },
    { header: '女方', key: 'f', width: 12 },
    { header: '女方证件号码', key: 'fid', width: 22 },
    { header: '男方', key: 'm', width: 12 },
    { header: '男方证件号码', key: 'mid', width: 22 },
    { header: '医学意见', key: 'opinion', width: 30 },
    { header: '证明编号', key: 'cert', width: 16 },
    { header: '免费', key: 'funded', width: 6 },
    { header: '咨询指导', key: 'couns', width: 8 },
    { header: '随访期限', key: 'due', width: 12 },
    { header: '随访日期', key: 'done', width: 12 },
    { header: '随访逾期', key: 'overdue', width: 8 },
    { header: '检查机构', key: 'inst', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const i of items) {
    ws.addRow({
      date: i.examDate,
      f: i.femaleName ?? '',
      fid: i.femaleIdMasked ?? '',
      m: i.maleName ?? '',
      mid: i.maleIdMasked ?? '',
      opinion: opinionZh(i.opinion),
      cert: i.certificateNo ?? '',
      funded: i.funded ? '是' : '否',
      couns: i.counsellingGiven ? '是' : '否',
      due: i.followUpDue ?? '',
      done: i.followUpDoneOn ?? '',
      overdue: i.followUpOverdue ? '是' : '',
      inst: i.institutionName ?? '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
