import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n-provider';
import { birthDefectApi, type AidApplication, type BirthDefectReport } from './women.api';
import { AID_PROGRAMME, AID_STATE, DEFECT_CATEGORY, DEFECT_OUTCOME, DEFECT_TIME, aidColor, lab } from './women-labels';

/** A person's birth-defect cards (as mother or as the child) and aid applications, for her record page. */
export function BirthDefectHistory(props: { personId: string }) {
  const { lang, pick } = useI18n();
  const q = useQuery({
    queryKey: ['birth-defects', 'person', props.personId],
    queryFn: () => birthDefectApi.history(props.personId),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="bd-history">
      <b>{pick('出生缺陷儿登记卡', 'Birth-defect cards')}</b>
      <Table<BirthDefectReport>
        size="small"
        rowKey="id"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.reports ?? []}
        columns={[
          { title: pick('妊娠结束', 'Ended'), dataIndex: 'birthDate' },
          { title: pick('结局', 'Outcome'), dataIndex: 'outcome', render: (v: string) => lab(DEFECT_OUTCOME, v, lang) },
          {
            title: pick('缺陷', 'Defects'),
            render: (_: unknown, r) =>
              r.defects.map((d) => (
                <Tag key={d.icd10}>
                  {d.icd10} {d.description ?? lab(DEFECT_CATEGORY, d.category, lang)}
                </Tag>
              )),
          },
          {
            title: pick('诊断', 'Diagnosed'),
            render: (_: unknown, r) => `${lab(DEFECT_TIME, r.diagnosisTime, lang)} ${r.diagnosisDate}`,
          },
          {
            title: '',
            render: (_: unknown, r) => <Link to={`/women/birth-defects/${r.id}`}>{pick('详情', 'Open')}</Link>,
          },
        ]}
      />
      <b>{pick('救助申请', 'Aid applications')}</b>
      <Table<AidApplication>
        size="small"
        rowKey="id"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.aid ?? []}
        columns={[
          { title: pick('申请日期', 'Applied'), dataIndex: 'appliedOn' },
          {
            title: pick('项目', 'Programme'),
            dataIndex: 'programme',
            render: (v: string) => lab(AID_PROGRAMME, v, lang),
          },
          { title: pick('病种', 'Condition'), dataIndex: 'condition' },
          {
            title: pick('状态', 'Status'),
            render: (_: unknown, a) => <Tag color={aidColor(a.status)}>{lab(AID_STATE, a.status, lang)}</Tag>,
          },
          {
            title: pick('金额', 'Amount'),
            render: (_: unknown, a) =>
              a.approvedAmount !== null
                ? `${a.approvedAmount} ${pick('元', 'yuan')}`
                : a.amountRequested !== null
                  ? `${pick('申请', 'asked')} ${a.amountRequested} ${pick('元', 'yuan')}`
                  : '—',
          },
        ]}
      />
    </Space>
  );
}
