import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n-provider';
import { ThalTestModal } from './thalassaemia.page';
import { thalApi, type ThalTest } from './women.api';
import { CARRIER, RETEST_REASON, THAL_KIND, THAL_RISK, lab } from './women-labels';

/** A person's thalassaemia results, carrier status, "need a new test?" answers and couple risk. */
export function ThalassaemiaHistory(props: { personId: string }) {
  const { lang, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: ['thal', 'person', props.personId], queryFn: () => thalApi.history(props.personId) });
  const d = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {d && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={pick('携带状态', 'Carrier status')}>
            <Tag color={['none', 'not_tested'].includes(d.status.status) ? 'default' : 'orange'}>
              {lab(CARRIER, d.status.status, lang)}
            </Tag>
            {d.status.basisDate ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={pick('是否需要检测', 'New test needed?')}>
            {Object.entries(d.retest).map(([k, r]) => (
              <Tag key={k} color={r.retest ? 'blue' : 'green'}>
                {lab(THAL_KIND, k, lang)}: {lab(RETEST_REASON, r.reason, lang)}
              </Tag>
            ))}
          </Descriptions.Item>
          {d.couples.map((c) => (
            <Descriptions.Item key={c.id} label={pick('夫妇风险', 'Couple risk')}>
              <Tag color={c.risk === 'high' ? 'red' : 'default'}>{lab(THAL_RISK, c.risk, lang)}</Tag>
              {c.counsellingOn ? pick(`已咨询 ${c.counsellingOn}`, `counselled ${c.counsellingOn}`) : ''}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {pick('登记地贫检测', 'Record a test')}
      </Button>
      <Table<ThalTest>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isLoading}
        dataSource={d?.tests ?? []}
        columns={[
          { title: pick('日期', 'Date'), dataIndex: 'testDate' },
          { title: pick('类型', 'Kind'), dataIndex: 'kind', render: (v: string) => lab(THAL_KIND, v, lang) },
          {
            title: 'MCV/MCH/HbA2',
            render: (_: unknown, r) => [r.mcvFl, r.mchPg, r.hba2Pct].map((x) => x ?? '—').join(' / '),
          },
          {
            title: pick('携带状态', 'Status'),
            dataIndex: 'carrierStatus',
            render: (v: string) => lab(CARRIER, v, lang),
          },
          { title: pick('来源', 'Source'), dataIndex: 'source' },
        ]}
      />
      <ThalTestModal open={open} personId={props.personId} onClose={() => setOpen(false)} />
    </Space>
  );
}
