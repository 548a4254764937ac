import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Select, Space, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { premaritalApi, type PremaritalRate } from './women.api';
import { pct } from './women-labels';

interface PutValues {
  countyCode: string;
  month: number;
  couples: number;
  source: string;
}

/** Marriage registrations per county and month (entered or imported) and the premarital examination rate. */
export function MarriageRegistrationsPage() {
  const { pick } = useI18n();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm, showError } = useApiFeedback();
  const [year, setYear] = useState(new Date().getFullYear());
  const [source, setSource] = useState('民政局婚姻登记处');
  const [form] = Form.useForm<PutValues>();
  const rate = useQuery({ queryKey: ['premarital-rate', year], queryFn: () => premaritalApi.rate(year) });
  const regs = useQuery({ queryKey: ['marriage-regs', year], queryFn: () => premaritalApi.registrations(year) });
  const canEnter = me.permissions.includes('care.supervise');
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['premarital-rate', year] });
    void qc.invalidateQueries({ queryKey: ['marriage-regs', year] });
  };
  const put = useMutation({
    mutationFn: (v: PutValues) => {
      const existing = regs.data?.find((r) => r.countyCode === v.countyCode && r.month === v.month);
      return premaritalApi.putRegistration({ ...v, year, version: existing?.version });
    },
    onSuccess: () => {
      void message.success(pick('已保存', 'Saved'));
      refresh();
    },
    onError: (e) => applyToForm(form, e),
  });
  const imp = useMutation({
    mutationFn: (csv: string) => premaritalApi.importRegistrations({ csv, source }),
    onSuccess: (r) => {
      void message.success(
        pick(`已导入：新增${r.created}条，更新${r.updated}条`, `Imported: ${r.created} new, ${r.updated} updated`),
      );
      refresh();
    },
    onError: showError,
  });
  return (
    <>
      <PageHeader
        title={pick('婚前医学检查率', 'Premarital examination rate')}
        subTitle={pick(
          '婚检率 = 婚检人数 ÷ 结婚登记人数（男女分计）；结婚登记对数按县区、月份录入或导入',
          'Rate = people examined ÷ people registering their marriage (by sex); registrations entered or imported per month',
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
          <Table<PremaritalRate>
            rowKey="countyCode"
            size="small"
            pagination={false}
            loading={rate.isLoading}
            dataSource={rate.data ?? []}
            data-testid="premarital-rate-table"
            columns={[
              { title: pick('县区', 'County'), render: (_: unknown, r) => r.countyName ?? r.countyCode },
              {
                title: pick('结婚登记（对）', 'Couples registered'),
                dataIndex: 'couplesRegistered',
                render: (v: number | null) => v ?? '—',
              },
              { title: pick('已录月份', 'Months entered'), dataIndex: 'monthsEntered' },
              { title: pick('女方婚检', 'Women examined'), dataIndex: 'femalesExamined' },
              { title: pick('男方婚检', 'Men examined'), dataIndex: 'malesExamined' },
              { title: pick('女婚检率', 'Women'), dataIndex: 'femaleRate', render: pct },
              { title: pick('男婚检率', 'Men'), dataIndex: 'maleRate', render: pct },
              { title: pick('婚检率', 'Rate'), dataIndex: 'rate', render: pct },
            ]}
          />
        </Card>
        {canEnter && (
          <Card title={pick(`录入${year}年结婚登记对数`, `Enter ${year} marriage registrations`)}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Form<PutValues> form={form} layout="inline" initialValues={{ source }} onFinish={(v) => put.mutate(v)}>
                <Form.Item name="countyCode" label={pick('县区', 'County')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 150 }}
                    options={(rate.data ?? []).map((c) => ({
                      value: c.countyCode,
                      label: c.countyName ?? c.countyCode,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="month" label={pick('月份', 'Month')} rules={[{ required: true }]}>
                  <InputNumber min={1} max={12} />
                </Form.Item>
                <Form.Item name="couples" label={pick('对数', 'Couples')} rules={[{ required: true }]}>
                  <InputNumber min={0} />
                </Form.Item>
                <Form.Item name="source" label={pick('来源', 'Source')} rules={[{ required: true }]}>
                  <Input style={{ width: 180 }} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={put.isPending}>
                  {pick('保存', 'Save')}
                </Button>
              </Form>
              <Space>
                <Input
                  value={source}
                  onChange={(e) => setSource(e.target.value)}
                  style={{ width: 200 }}
                  addonBefore={pick('来源', 'Source')}
                />
                <Upload
                  accept=".csv,.txt"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void file.text().then((csv) => imp.mutate(csv));
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={imp.isPending}>
                    {pick('导入CSV（县区代码,年,月,对数）', 'Import CSV (county,year,month,couples)')}
                  </Button>
                </Upload>
              </Space>
              <Table
                rowKey={(r) => `${r.countyCode}-${r.month}`}
                size="small"
                pagination={false}
                dataSource={regs.data ?? []}
                columns={[
                  { title: pick('县区', 'County'), dataIndex: 'countyName' },
                  { title: pick('月份', 'Month'), dataIndex: 'month' },
                  { title: pick('对数', 'Couples'), dataIndex: 'couples' },
                  { title: pick('来源', 'Source'), dataIndex: 'source' },
                ]}
              />
            </Space>
          </Card>
        )}
      </Space>
    </>
  );
}
