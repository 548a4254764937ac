import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api, request } from '../../api/client';
import { useHasPermission } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';

interface Facility {
  institutionId: string;
  name: string;
  regionName: string | null;
  active: boolean;
  evaluation: {
    evaluatedOn: string;
    qualified: boolean;
    score: number | null;
    assessor: string;
    version: number;
  } | null;
}
interface FacilityList {
  year: number;
  items: Facility[];
  total: number;
  evaluated: number;
  qualified: number;
}

/** 托幼机构卫生保健: the facilities of the user's counties and their evaluation of a year (qualification rate). */
export function FacilitiesPage() {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const canEvaluate = useHasPermission('care.supervise');
  const { applyToForm } = useApiFeedback();
  const [year, setYear] = useState(dayjs().year());
  const [editing, setEditing] = useState<Facility | null>(null);
  const [form] = Form.useForm<{
    evaluatedOn: Dayjs;
    qualified: boolean;
    score?: number;
    assessor: string;
    note?: string;
  }>();
  const q = useQuery({
    queryKey: ['childcare-facilities', year],
    queryFn: () => api.get<FacilityList>('/childcare-facilities', { year }),
  });
  const save = useMutation({
    mutationFn: (v: { evaluatedOn: Dayjs; qualified: boolean; score?: number; assessor: string; note?: string }) =>
      request('PUT', `/childcare-facilities/${editing?.institutionId}/evaluation`, {
        body: { ...v, year, evaluatedOn: v.evaluatedOn.format('YYYY-MM-DD'), version: editing?.evaluation?.version },
      }),
    onSuccess: () => {
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['childcare-facilities'] });
    },
    onError: (e) => applyToForm(form, e),
  });
  const d = q.data;
  const rate = d && d.total ? `${((d.qualified / d.total) * 100).toFixed(1)}%` : '—';
  return (
    <>
      <PageHeader
        title={pick('托幼机构卫生保健', 'Childcare facilities')}
        subTitle={
          d
            ? pick(
                `${year}年：${d.total}所，已评估${d.evaluated}所，合格${d.qualified}所，合格率${rate}`,
                `${year}: ${d.total} facilities, ${d.evaluated} evaluated, ${d.qualified} qualified (${rate})`,
              )
            : ''
        }
        extra={<InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />}
      />
      <Card>
        <Table<Facility>
          rowKey="institutionId"
          size="small"
          loading={q.isLoading}
          dataSource={d?.items ?? []}
          columns={[
            { title: pick('机构', 'Facility'), dataIndex: 'name' },
            { title: pick('所在地', 'Place'), dataIndex: 'regionName' },
            {
              title: pick('评估结果', 'Result'),
              render: (_: unknown, r) =>
                r.evaluation ? (
                  <Tag color={r.evaluation.qualified ? 'green' : 'red'}>
                    {r.evaluation.qualified ? pick('合格', 'Qualified') : pick('不合格', 'Not qualified')}
                  </Tag>
                ) : (
                  <Tag>{pick('未评估', 'Not evaluated')}</Tag>
                ),
            },
            { title: pick('评分', 'Score'), render: (_: unknown, r) => r.evaluation?.score ?? '—' },
            { title: pick('评估日期', 'Date'), render: (_: unknown, r) => r.evaluation?.evaluatedOn ?? '—' },
            { title: pick('评估人', 'Assessor'), render: (_: unknown, r) => r.evaluation?.assessor ?? '—' },
            {
              title: '',
              render: (_: unknown, r) =>
                canEvaluate && (
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(r);
                      form.setFieldsValue({
                        evaluatedOn: r.evaluation ? dayjs(r.evaluation.evaluatedOn) : dayjs(),
                        qualified: r.evaluation?.qualified ?? true,
                        ...(r.evaluation?.score != null ? { score: r.evaluation.score } : {}),
                        assessor: r.evaluation?.assessor ?? '',
                      });
                    }}
                  >
                    {pick('评估', 'Evaluate')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!editing}
        title={editing?.name}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Space>
            <Form.Item name="evaluatedOn" label={pick('评估日期', 'Date')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="qualified" label={pick('合格', 'Qualified')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="score" label={pick('评分', 'Score')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          </Space>
          <Form.Item name="assessor" label={pick('评估人', 'Assessor')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="note" label={pick('说明', 'Note')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
