import { useState } from 'react';
import { useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useHasPermission } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import type { Page } from '../../api/types';

interface Death {
  id: string;
  personId: string;
  childName?: string;
  deathDate: string;
  ageDays: number;
  ageGroup: string;
  underlyingCause: string;
  icd10: string;
  status: string;
  version: number;
}
interface Alert {
  id: string;
  messageZh: string;
  messageEn: string;
  createdAt: string;
  acknowledged: boolean;
  personId: string | null;
}

/** 5岁以下儿童死亡报告: the cards (draft → submitted) and, for supervisors, the alerts they raised. */
export function ChildDeathsPage() {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const { showError } = useApiFeedback();
  const supervisor = useHasPermission('care.supervise');
  const q = useQuery({
    queryKey: ['child-deaths'],
    queryFn: () => api.get<Page<Death>>('/child-deaths', { pageSize: 100 }),
  });
  const alerts = useQuery({
    queryKey: ['child-alerts'],
    queryFn: () => api.get<Alert[]>('/child-alerts'),
    enabled: supervisor,
  });
  const submit = useMutation({
    mutationFn: (d: Death) => api.post(`/child-deaths/${d.id}/submit`, { version: d.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['child-deaths'] }),
    onError: showError,
  });
  const { applyToForm } = useApiFeedback();
  const [reviewing, setReviewing] = useState<Death | null>(null);
  const [form] = Form.useForm<{ level: string; reviewedOn: Dayjs; conclusion: string; actions?: string }>();
  const review = useMutation({
    mutationFn: (v: { level: string; reviewedOn: Dayjs; conclusion: string; actions?: string }) =>
      api.post(`/child-deaths/${reviewing?.id}/reviews`, { ...v, reviewedOn: v.reviewedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      setReviewing(null);
      void qc.invalidateQueries({ queryKey: ['child-deaths'] });
    },
    onError: (e) => applyToForm(form, e),
  });
  const ack = useMutation({
    mutationFn: (id: string) => api.post(`/child-alerts/${id}/ack`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['child-alerts'] }),
    onError: showError,
  });
  return (
    <>
      <PageHeader title={pick('5岁以下儿童死亡报告', 'Under-5 deaths')} />
      {supervisor && (
        <Card size="small" title={pick('提醒', 'Alerts')} style={{ marginBottom: 16 }}>
          <Table<Alert>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={alerts.data ?? []}
            columns={[
              {
                title: pick('时间', 'Time'),
                dataIndex: 'createdAt',
                render: (v: string) => v.slice(0, 16).replace('T', ' '),
              },
              { title: pick('内容', 'Message'), render: (_: unknown, a) => pick(a.messageZh, a.messageEn) },
              {
                title: '',
                render: (_: unknown, a) =>
                  a.acknowledged ? (
                    <Tag>{pick('已阅', 'Read')}</Tag>
                  ) : (
                    <Button size="small" onClick={() => ack.mutate(a.id)}>
                      {pick('确认', 'Acknowledge')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Card>
        <Table<Death>
          size="small"
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          columns={[
            {
              title: pick('儿童', 'Child'),
              render: (_: unknown, d) => <Link to={`/children/${d.personId}`}>{d.childName}</Link>,
            },
            { title: pick('死亡日期', 'Died'), dataIndex: 'deathDate' },
            { title: pick('死亡年龄(天)', 'Age (days)'), dataIndex: 'ageDays' },
            { title: pick('根本死因', 'Underlying cause'), dataIndex: 'underlyingCause' },
            { title: 'ICD-10', dataIndex: 'icd10' },
            {
              title: pick('状态', 'Status'),
              render: (_: unknown, d) =>
                d.status === 'submitted' ? (
                  <>
                    <Tag color="green">{pick('已上报', 'Submitted')}</Tag>
                    {supervisor && (
                      <Button size="small" onClick={() => setReviewing(d)}>
                        {pick('评审', 'Review')}
                      </Button>
                    )}
                  </>
                ) : (
                  <Button size="small" type="primary" loading={submit.isPending} onClick={() => submit.mutate(d)}>
                    {pick('上报', 'Submit')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!reviewing}
        title={pick('死亡评审', 'Death review')}
        onCancel={() => setReviewing(null)}
        onOk={() => form.submit()}
        confirmLoading={review.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ level: 'county', reviewedOn: dayjs() }}
          onFinish={(v) => review.mutate(v)}
        >
          <Form.Item name="level" label={pick('评审级别', 'Level')}>
            <Select
              options={[
                { value: 'county', label: pick('县级', 'County') },
                { value: 'city', label: pick('市级', 'City') },
                { value: 'province', label: pick('省级', 'Province') },
              ]}
            />
          </Form.Item>
          <Form.Item name="reviewedOn" label={pick('评审日期', 'Date')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="conclusion" label={pick('评审结论', 'Conclusion')} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'avoidable', label: pick('可避免', 'Avoidable') },
                {
                  value: 'conditionally_avoidable',
                  label: pick('创造条件可避免', 'Avoidable if conditions are created'),
                },
                { value: 'unavoidable', label: pick('不可避免', 'Unavoidable') },
              ]}
            />
          </Form.Item>
          <Form.Item name="actions" label={pick('改进措施', 'Actions')}>
            <Input.TextArea />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
