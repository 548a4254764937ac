/** A computed annual-report section as an antd table: the core column tree as grouped headers, the regions as rows. */
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { getAnnualReportTable, roundIndicatorValue, type ReportColumn } from '@fuyou/core';
import { useI18n } from '../../i18n/i18n-provider';
import type { ReportCell, ReportLeaf, ReportSection, ReportTable } from './reports.api';

type Row = ReportTable['rows'][number];

/** A cell as shown: the number, '—' for no data, a grey "cannot count" with the reason. */
export function CellValue(props: { cell: ReportCell | undefined; leaf: Pick<ReportLeaf, 'decimals'> }) {
  const { pick } = useI18n();
  const c = props.cell;
  if (!c || c.status === 'unavailable')
    return (
      <Tooltip title={c ? pick(c.reasonZh ?? '', c.reasonEn ?? '') : ''}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="cell-unavailable">
          {pick('暂无法统计', 'n/a')}
        </Typography.Text>
      </Tooltip>
    );
  if (c.value === null)
    return (
      <Tooltip title={pick('分母为0', 'Denominator is 0')}>
        <span>—</span>
      </Tooltip>
    );
  return (
    <span>
      {props.leaf.decimals ? roundIndicatorValue(c.value, props.leaf.decimals).toFixed(props.leaf.decimals) : c.value}
    </span>
  );
}

/** The antd columns of a section from the core column tree (leaves matched by key). */
function columnsOf(
  tree: readonly ReportColumn[],
  leaves: Map<string, ReportLeaf>,
  pick: (zh: string, en: string) => string,
): ColumnsType<Row> {
  return tree.map((c): ColumnType<Row> | { title: string; children: ColumnsType<Row>; key: string } => {
    if (c.children?.length)
      return { key: c.key, title: pick(c.labelZh, c.labelEn), children: columnsOf(c.children, leaves, pick) };
    const leaf = leaves.get(c.key);
    return {
      key: c.key,
      title: (
        <span>
          {pick(c.labelZh, c.labelEn)}
          {c.unit && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11, fontWeight: 'normal' }}>
              （{c.unit}）
            </Typography.Text>
          )}
        </span>
      ),
      align: 'right',
      width: 92,
      render: (_: unknown, row: Row) => (leaf ? <CellValue cell={row.cells[c.key]} leaf={leaf} /> : null),
    };
  });
}

/** One section of a table. */
export function ReportSectionTable(props: { table: ReportTable; section: ReportSection }) {
  const { pick } = useI18n();
  const def = getAnnualReportTable(props.table.id)?.sections.find((s) => s.id === props.section.id);
  const leaves = new Map(props.section.leaves.map((l) => [l.key, l]));
  const columns: ColumnsType<Row> = [
    {
      key: 'name',
      title: pick('地区', 'Region'),
      dataIndex: 'name',
      fixed: 'left',
      width: 120,
      render: (v: string, r: Row) => (r.total ? <strong>{v}</strong> : v),
    },
    { key: 'code', title: pick('区划代码', 'Code'), dataIndex: 'code', width: 90 },
    ...(def ? columnsOf(def.columns, leaves, pick) : []),
  ];
  return (
    <Table<Row>
      size="small"
      bordered
      rowKey="code"
      pagination={false}
      columns={columns}
      dataSource={props.table.rows}
      scroll={{ x: 'max-content' }}
      onRow={(r) => (r.total ? { style: { background: '#fafafa' } } : {})}
      data-testid={`report-section-${props.section.id}`}
    />
  );
}
