import { useState } from 'react';
import { useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Button, Card, Form, Modal, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useHasPermission } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import type { Page } from '../../api/types';
import type { DeathReview } from '../maternal/maternal.api';
import { lbl } from '../maternal/maternal-labels';
import {
  CONCLUSIONS,
  LEVELS,
  ReviewFields,
  ReviewSummary,
  reviewBody,
  type ReviewFormValues,
} from '../maternal/review-fields';

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
  reviews: (DeathReview & { id: string })[];
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
  const { pick, lang } = useI18n();
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
  const [form] = Form.useForm<ReviewFormValues>();
  const review = useMutation({
    mutationFn: (v: ReviewFormValues) => api.post(`/child-deaths/${reviewing?.id}/reviews`, reviewBody(v)),
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
          data-testid="child-deaths-table"
          expandable={{
            rowExpandable: (d) => d.reviews.length > 0,
            expandedRowRender: (d) =>
              d.reviews.map((r) => <ReviewSummary key={r.id} review={r} testId="child-death-review-summary" />),
          }}
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
                    {d.reviews.map((r) => (
                      <Tag key={r.id} color="blue" data-testid="child-death-reviewed">
                        {lbl(LEVELS, r.level, lang)} · {lbl(CONCLUSIONS, r.conclusion, lang)}
                      </Tag>
                    ))}
                    {supervisor && (
                      <Button
                        size="small"
                        data-testid="child-death-review"
                        onClick={() => {
                          // the next level that has not reviewed the death yet
                          const done = new Set(d.reviews.map((r) => r.level));
                          const next = Object.keys(LEVELS).find((l) => !done.has(l)) ?? 'province';
                          form.resetFields();
                          form.setFieldsValue({ level: next, reviewedOn: dayjs() });
                          setReviewing(d);
                        }}
                      >
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
        okButtonProps={{ 'data-testid': 'child-death-review-save' } as Record<string, string>}
        confirmLoading={review.isPending}
        width={760}
      >
        <Form form={form} layout="vertical" onFinish={(v) => review.mutate(v)}>
          <ReviewFields />
        </Form>
      </Modal>
    </>
  );
}
