import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, InputNumber, Modal, Segmented, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { buildUrl } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { useCommonFilters } from './list-filters';
import { preconceptionApi, type DispensingListItem } from './women.api';
import { ADHERENCE, lab } from './women-labels';

type View = 'overdue' | 'due' | 'all';

function FollowUpModal(props: { d: DispensingListItem | null; onClose(): void }) {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<{ followUpDate: Dayjs; daysTaken: number; folateNgMl?: number }>();
  const save = useMutation({
    mutationFn: (v: { followUpDate: Dayjs; daysTaken: number; folateNgMl?: number }) =>
      preconceptionApi.folicFollowUp({
        personId: props.d?.personId,
        dispensingId: props.d?.id,
        followUpDate: v.followUpDate.format('YYYY-MM-DD'),
        daysTaken: v.daysTaken,
        folateNgMl: v.folateNgMl,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['folic'] });
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open={!!props.d}
      title={`${pick('叶酸服用随访', 'Adherence follow-up')} · ${props.d?.womanName ?? ''}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ followUpDate: dayjs() }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="followUpDate" label={pick('随访日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="daysTaken"
          label={pick(`实际服用天数（共${props.d?.supplyDays ?? ''}天的量）`, 'Days taken')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="folateNgMl" label={pick('血清叶酸 ng/mL（如检测）', 'Serum folate ng/mL (if tested)')}>
          <InputNumber min={0} max={100} step={0.1} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 叶酸发放与随访: women given folic acid, the follow-up worklist, adherence, export. */
export function FolicAcidPage() {
  const { lang, pick } = useI18n();
  const [view, setView] = useState<View>('overdue');
  const common = useCommonFilters({ datesLabel: ['发放', 'Issued'] });
  const { page, setPage } = common;
  const [current, setCurrent] = useState<DispensingListItem | null>(null);
  const filter = { ...common.values, followUp: view === 'all' ? undefined : view };
  const list = useQuery({
    queryKey: ['folic', filter, page],
    queryFn: () => preconceptionApi.dispensings({ ...filter, page, pageSize: 20 }),
  });
  return (
    <>
      <PageHeader
        title={pick('叶酸发放与服用随访', 'Folic acid')}
        extra={
          <Button icon={<DownloadOutlined />} href={buildUrl('/folic-acid/dispensings/export.xlsx', filter)}>
            {pick('导出Excel', 'Export xlsx')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<View>
            value={view}
            onChange={(v) => {
              setView(v);
              setPage(1);
            }}
            options={[
              { value: 'overdue', label: pick('待随访（已到期）', 'Follow-up overdue') },
              { value: 'due', label: pick('未随访', 'Not followed up') },
              { value: 'all', label: pick('全部', 'All') },
            ]}
          />
          {common.controls}
        </Space>
        <Table<DispensingListItem>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: pick('姓名', 'Name'),
              dataIndex: 'womanName',
              render: (v: string, r) => <Link to={`/women/people/${r.personId}`}>{v}</Link>,
            },
            { title: pick('证件号码', 'ID'), dataIndex: 'idNumberMasked' },
            { title: pick('发放日期', 'Dispensed'), dataIndex: 'dispensedOn' },
            { title: pick('瓶数', 'Packs'), dataIndex: 'packs' },
            {
              title: pick('阶段', 'Stage'),
              dataIndex: 'stage',
              render: (v: string) => (v === 'preconception' ? pick('孕前', 'Pre') : pick('孕早期', 'Early pregnancy')),
            },
            {
              title: pick('随访', 'Follow-up'),
              render: (_: unknown, r) =>
                r.followedUp ? (
                  <Tag color="green">{lab(ADHERENCE, r.lastAdherence, lang)}</Tag>
                ) : (
                  <Tag color={r.followUpOverdue ? 'red' : 'blue'}>{r.followUpDue}</Tag>
                ),
            },
            { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
            {
              title: '',
              render: (_: unknown, r) =>
                r.followedUp ? null : (
                  <Button size="small" onClick={() => setCurrent(r)}>
                    {pick('随访', 'Follow up')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <FollowUpModal d={current} onClose={() => setCurrent(null)} />
    </>
  );
}
