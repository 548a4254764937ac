import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { screeningApi, type CoverageFigures, type CoverageRow } from './women.api';
import { pct } from './women-labels';

interface TargetValues {
  countyCode: string;
  women3564: number;
  ruralWomen3564?: number | null;
  source: string;
  note?: string;
}

/** Target population (census figures, entered by a supervisor) and the rates computed from the records. */
export function ScreeningCoveragePage() {
  const { pick } = useI18n();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm } = useApiFeedback();
  const [year, setYear] = useState(new Date().getFullYear());
  const [form] = Form.useForm<TargetValues>();
  const coverage = useQuery({ queryKey: ['cancer-coverage', year], queryFn: () => screeningApi.coverage(year) });
  const targets = useQuery({ queryKey: ['cancer-targets', year], queryFn: () => screeningApi.targets(year) });
  const canEnter = me.permissions.includes('care.supervise');
  const save = useMutation({
    mutationFn: (v: TargetValues) => {
      const existing = targets.data?.find((t) => t.countyCode === v.countyCode);
      return screeningApi.putTarget({ ...v, year, version: existing?.version });
    },
    onSuccess: () => {
      void message.success(pick('已保存', 'Saved'));
      void qc.invalidateQueries({ queryKey: ['cancer-coverage', year] });
      void qc.invalidateQueries({ queryKey: ['cancer-targets', year] });
    },
    onError: (e) => applyToForm(form, e),
  });
  const fig = (kind: 'cervical' | 'breast', key: keyof CoverageFigures, rate = false) => ({
    title: '',
    key: `${kind}-${key}`,
    render: (_: unknown, r: CoverageRow) => {
      const v = r[kind][key];
      return rate ? pct(v) : (v ?? '—');
    },
  });
  const group = (kind: 'cervical' | 'breast', zh: string, en: string) => ({
    title: pick(zh, en),
    children: [
      { ...fig(kind, 'screened'), title: pick('筛查人数', 'Screened') },
      { ...fig(kind, 'coverage', true), title: pick('覆盖率', 'Coverage') },
      { ...fig(kind, 'abnormal'), title: pick('异常', 'Abnormal') },
      { ...fig(kind, 'followUpRate', true), title: pick('随访率', 'Follow-up') },
      { ...fig(kind, 'precancer'), title: pick('癌前病变', 'Precancer') },
      { ...fig(kind, 'cancer'), title: pick('癌', 'Cancer') },
      { ...fig(kind, 'earlyDiagnosisRate', true), title: pick('早诊率', 'Early dx') },
      { ...fig(kind, 'treatmentRate', true), title: pick('治疗率', 'Treated') },
    ],
  });
  return (
    <>
      <PageHeader
        title={pick('两癌筛查覆盖率', 'Cancer screening coverage')}
        subTitle={pick(
          '覆盖率 = 当年筛查人数 ÷ 县区35–64岁妇女人数（人口普查数）；随访、早诊和治疗率由随访个案计算',
          'Coverage = women screened in the year ÷ women aged 35–64 (census); other rates from the follow-up cases',
        )}
        extra={
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            options={Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i).map((y) => ({
              value: y,
              label: y,
            }))}
          />
        }
      />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card>
          <Table<CoverageRow>
            rowKey="countyCode"
            size="small"
            bordered
            loading={coverage.isLoading}
            dataSource={coverage.data ?? []}
            pagination={false}
            scroll={{ x: true }}
            data-testid="coverage-table"
            columns={[
              {
                title: pick('县区', 'County'),
                dataIndex: 'countyName',
                render: (v: string | null, r) => v ?? r.countyCode,
              },
              {
                title: pick('35–64岁妇女', 'Women 35–64'),
                dataIndex: 'women3564',
                render: (v: number | null) => v ?? '—',
              },
              group('cervical', '宫颈癌', 'Cervical'),
              group('breast', '乳腺癌', 'Breast'),
            ]}
          />
        </Card>
        {canEnter && (
          <Card title={pick(`录入${year}年适龄妇女人数`, `Enter the ${year} target population`)}>
            <Form<TargetValues> form={form} layout="inline" onFinish={(v) => save.mutate(v)}>
              <Form.Item name="countyCode" label={pick('县区', 'County')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 160 }}
                  data-testid="target-county"
                  options={(coverage.data ?? []).map((c) => ({
                    value: c.countyCode,
                    label: c.countyName ?? c.countyCode,
                  }))}
                  onChange={(code: string) => {
                    const t = targets.data?.find((x) => x.countyCode === code);
                    form.setFieldsValue({
                      women3564: t?.women3564,
                      ruralWomen3564: t?.ruralWomen3564 ?? null,
                      source: t?.source ?? '',
                    });
                  }}
                />
              </Form.Item>
              <Form.Item name="women3564" label={pick('35–64岁妇女', 'Women 35–64')} rules={[{ required: true }]}>
                <InputNumber min={1} data-testid="target-women" />
              </Form.Item>
              <Form.Item name="ruralWomen3564" label={pick('其中农村', 'Rural')}>
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item name="source" label={pick('来源', 'Source')} rules={[{ required: true }]}>
                <Input placeholder={pick('第七次人口普查', '7th census')} data-testid="target-source" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="target-save">
                {pick('保存', 'Save')}
              </Button>
            </Form>
          </Card>
        )}
      </Space>
    </>
  );
}
