import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { buildUrl } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { FormModal } from './form-modal';
import { useCommonFilters } from './list-filters';
import { PersonPicker } from './person-picker';
import { gynFpApi, type Row } from './women.api';
import {
  FP_COMPLICATION,
  FP_SERVICE,
  FP_SUPPLY,
  PAC_CLASS,
  PAC_ITEM,
  STOCK_KIND,
  complicationsFor,
  lab,
  options,
} from './women-labels';

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function Services() {
  const { lang, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [service, setService] = useState<string | undefined>();
  const [complication, setComplication] = useState<string | undefined>();
  const common = useCommonFilters();
  const { page, setPage } = common;
  const [form] = Form.useForm<{
    personId: string;
    serviceDate: Dayjs;
    service: string;
    complications?: string[];
    adverseReaction?: string;
    lastMenstrualPeriod?: Dayjs;
  }>();
  const chosen = Form.useWatch('service', form);
  const filter = { ...common.values, service, complication };
  const list = useQuery({
    queryKey: ['fp', 'services', filter, page],
    queryFn: () => gynFpApi.fpServices({ ...filter, page, pageSize: 20 }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {pick('登记技术服务', 'Record a service')}
        </Button>
        {common.controls}
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={pick('服务项目', 'Service')}
          value={service}
          onChange={(v) => {
            setService(v);
            common.reset();
          }}
          options={options(FP_SERVICE, lang)}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={pick('并发症', 'Complications')}
          value={complication}
          onChange={(v) => {
            setComplication(v);
            common.reset();
          }}
          options={[
            { value: 'true', label: pick('有并发症', 'With complications') },
            { value: 'false', label: pick('无并发症', 'None') },
          ]}
        />
        <Button icon={<DownloadOutlined />} href={buildUrl('/family-planning-services/export.xlsx', filter)}>
          {pick('导出Excel', 'Export xlsx')}
        </Button>
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: pick('姓名', 'Name'),
            render: (_: unknown, r) => <Link to={`/women/people/${s(r.personId)}`}>{s(r.personName)}</Link>,
          },
          { title: pick('证件号码', 'ID'), dataIndex: 'idNumberMasked' },
          { title: pick('日期', 'Date'), dataIndex: 'serviceDate' },
          { title: pick('服务', 'Service'), render: (_: unknown, r) => lab(FP_SERVICE, s(r.service), lang) },
          {
            title: pick('并发症', 'Complications'),
            render: (_: unknown, r) =>
              (r.complications as string[]).map((c) => (
                <Tag key={c} color="red">
                  {lab(FP_COMPLICATION, c, lang)}
                </Tag>
              )),
          },
          { title: pick('不良反应', 'Adverse reaction'), dataIndex: 'adverseReaction' },
          { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
        ]}
      />
      <FormModal<{
        personId: string;
        serviceDate: Dayjs;
        service: string;
        complications?: string[];
        adverseReaction?: string;
        lastMenstrualPeriod?: Dayjs;
      }>
        open={open}
        form={form}
        title={pick('计划生育技术服务', 'Family-planning service')}
        onClose={() => setOpen(false)}
        invalidate={['fp']}
        initial={{ serviceDate: dayjs() }}
        submit={(v) =>
          gynFpApi.fpService({
            ...v,
            serviceDate: v.serviceDate.format('YYYY-MM-DD'),
            lastMenstrualPeriod: v.lastMenstrualPeriod?.format('YYYY-MM-DD'),
            complications: v.complications ?? [],
          })
        }
      >
        <Form.Item name="personId" label={pick('服务对象', 'Person')} rules={[{ required: true }]}>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="service" label={pick('服务项目', 'Service')} rules={[{ required: true }]}>
          <Select options={options(FP_SERVICE, lang)} />
        </Form.Item>
        <Form.Item name="serviceDate" label={pick('日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="complications" label={pick('并发症', 'Complications')}>
          <Select
            mode="multiple"
            allowClear
            options={(chosen ? complicationsFor(chosen as never) : []).map((c) => ({
              value: c,
              label: lab(FP_COMPLICATION, c, lang),
            }))}
          />
        </Form.Item>
        <Form.Item name="adverseReaction" label={pick('不良反应', 'Adverse reaction')}>
          <Input />
        </Form.Item>
        <Form.Item name="lastMenstrualPeriod" label={pick('末次月经（绝经后取环）', 'LMP (removal after menopause)')}>
          <DatePicker />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function Stock() {
  const { lang, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [item, setItem] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const common = useCommonFilters({ name: false });
  const { page, setPage } = common;
  const filter = { ...common.values, item, kind };
  const balances = useQuery({ queryKey: ['fp', 'balances'], queryFn: () => gynFpApi.balances() });
  const moves = useQuery({
    queryKey: ['fp', 'movements', filter, page],
    queryFn: () => gynFpApi.movements({ ...filter, page, pageSize: 20 }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {pick('入库/发放/调整', 'Receipt / issue / adjustment')}
        </Button>
        {common.controls}
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={pick('品种', 'Item')}
          value={item}
          onChange={(v) => {
            setItem(v);
            common.reset();
          }}
          options={options(FP_SUPPLY, lang)}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={pick('类型', 'Kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            common.reset();
          }}
          options={options(STOCK_KIND, lang)}
        />
        <Button icon={<DownloadOutlined />} href={buildUrl('/contraceptive-stock/movements/export.xlsx', filter)}>
          {pick('导出明细', 'Export movements')}
        </Button>
      </Space>
      <Table<Row>
        rowKey={(r) => `${s(r.institutionId)}-${s(r.item)}`}
        size="small"
        pagination={false}
        loading={balances.isLoading}
        dataSource={balances.data ?? []}
        data-testid="stock-balances"
        columns={[
          { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
          { title: pick('品种', 'Item'), render: (_: unknown, r) => lab(FP_SUPPLY, s(r.item), lang) },
          { title: pick('入库', 'Received'), dataIndex: 'received' },
          { title: pick('发放', 'Issued'), dataIndex: 'issued' },
          { title: pick('发放人次', 'Issues to people'), dataIndex: 'issuesToPeople' },
          { title: pick('调整', 'Adjusted'), dataIndex: 'adjusted' },
          { title: pick('库存', 'On hand'), render: (_: unknown, r) => <b>{s(r.balance)}</b> },
        ]}
      />
      <Table<Row>
        rowKey="id"
        size="small"
        loading={moves.isLoading}
        dataSource={moves.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: moves.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: pick('日期', 'Date'), dataIndex: 'movementDate' },
          { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
          { title: pick('品种', 'Item'), render: (_: unknown, r) => lab(FP_SUPPLY, s(r.item), lang) },
          { title: pick('类型', 'Kind'), render: (_: unknown, r) => lab(STOCK_KIND, s(r.kind), lang) },
          { title: pick('数量', 'Quantity'), dataIndex: 'quantity' },
          { title: pick('领取人', 'Person'), dataIndex: 'personName' },
        ]}
      />
      <FormModal<{
        item: string;
        kind: string;
        movementDate: Dayjs;
        quantity: number;
        personId?: string;
        batchNo?: string;
      }>
        open={open}
        title={pick('药具出入库', 'Stock movement')}
        onClose={() => setOpen(false)}
        invalidate={['fp']}
        initial={{ movementDate: dayjs(), kind: 'issue' }}
        submit={(v) => gynFpApi.move({ ...v, movementDate: v.movementDate.format('YYYY-MM-DD') })}
      >
        <Form.Item name="item" label={pick('品种', 'Item')} rules={[{ required: true }]}>
          <Select options={options(FP_SUPPLY, lang)} />
        </Form.Item>
        <Form.Item name="kind" label={pick('类型', 'Kind')} rules={[{ required: true }]}>
          <Select options={options(STOCK_KIND, lang)} />
        </Form.Item>
        <Space>
          <Form.Item name="movementDate" label={pick('日期', 'Date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="quantity"
            label={pick('数量（调整可为负）', 'Quantity (adjustments may be negative)')}
            rules={[{ required: true }]}
          >
            <InputNumber />
          </Form.Item>
        </Space>
        <Form.Item name="personId" label={pick('领取人（发放时）', 'Issued to')}>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="batchNo" label={pick('批号', 'Batch')}>
          <Input />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function PostAbortion() {
  const { lang, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [fuFor, setFuFor] = useState<Row | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [contraception, setContraception] = useState<string | undefined>();
  const common = useCommonFilters();
  const { page, setPage } = common;
  const filter = { ...common.values, contraception, overdue: overdue ? 'true' : undefined };
  const list = useQuery({
    queryKey: ['fp', 'pac', filter, page],
    queryFn: () => gynFpApi.pacList({ ...filter, page, pageSize: 20 }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {pick('登记流产后关爱', 'Record post-abortion care')}
        </Button>
        {common.controls}
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={pick('避孕落实', 'Contraception')}
          value={contraception}
          onChange={(v) => {
            setContraception(v);
            common.reset();
          }}
          options={options(PAC_CLASS, lang)}
        />
        <Button
          type={overdue ? 'primary' : 'default'}
          danger={overdue}
          onClick={() => {
            setOverdue(!overdue);
            common.reset();
          }}
        >
          {pick('逾期随访', 'Overdue follow-up')}
        </Button>
        <Button icon={<DownloadOutlined />} href={buildUrl('/post-abortion-care/export.xlsx', filter)}>
          {pick('导出Excel', 'Export xlsx')}
        </Button>
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: pick('姓名', 'Name'),
            render: (_: unknown, r) => <Link to={`/women/people/${s(r.personId)}`}>{s(r.womanName)}</Link>,
          },
          { title: pick('流产日期', 'Date'), dataIndex: 'abortionDate' },
          {
            title: pick('避孕方法', 'Method'),
            render: (_: unknown, r) => lab(FP_SERVICE, r.contraceptionMethod as string | null, lang),
          },
          {
            title: pick('避孕落实', 'Contraception'),
            render: (_: unknown, r) => lab(PAC_CLASS, s(r.contraceptionClass), lang),
          },
          { title: pick('已随访', 'Contacts'), render: (_: unknown, r) => (r.followUps as unknown[]).length },
          {
            title: pick('下次随访', 'Next'),
            render: (_: unknown, r) =>
              r.nextFollowUpDue ? (
                <Space>
                  <Tag color={r.followUpOverdue ? 'red' : 'blue'}>{s(r.nextFollowUpDue)}</Tag>
                  <Button size="small" onClick={() => setFuFor(r)}>
                    {pick('随访', 'Follow up')}
                  </Button>
                </Space>
              ) : (
                pick('已完成', 'Done')
              ),
          },
        ]}
      />
      <FormModal<{
        personId: string;
        abortionDate: Dayjs;
        abortionService: string;
        careItems?: string[];
        contraceptionMethod?: string;
      }>
        open={open}
        title={pick('流产后关爱', 'Post-abortion care')}
        onClose={() => setOpen(false)}
        invalidate={['fp']}
        initial={{ abortionDate: dayjs(), abortionService: 'surgical_abortion', careItems: [] }}
        submit={(v) => gynFpApi.pac({ ...v, abortionDate: v.abortionDate.format('YYYY-MM-DD') })}
      >
        <Form.Item name="personId" label={pick('妇女', 'Woman')} rules={[{ required: true }]}>
          <PersonPicker sex="female" />
        </Form.Item>
        <Space>
          <Form.Item name="abortionDate" label={pick('流产日期', 'Date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="abortionService" label={pick('方式', 'Type')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              options={['surgical_abortion', 'medical_abortion', 'mid_trimester_termination'].map((v) => ({
                value: v,
                label: lab(FP_SERVICE, v, lang),
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="careItems" label={pick('关爱服务', 'Care given')}>
          <Select mode="multiple" options={options(PAC_ITEM, lang)} />
        </Form.Item>
        <Form.Item name="contraceptionMethod" label={pick('落实的避孕方法', 'Contraception started')}>
          <Select allowClear options={options(FP_SERVICE, lang)} />
        </Form.Item>
      </FormModal>
      <FormModal<{ date: Dayjs; method?: string }>
        open={!!fuFor}
        title={pick('流产后随访', 'Follow-up contact')}
        onClose={() => setFuFor(null)}
        invalidate={['fp']}
        initial={{ date: dayjs() }}
        submit={(v) =>
          gynFpApi.pacFollowUp(fuFor!.id, {
            version: fuFor?.version,
            date: v.date.format('YYYY-MM-DD'),
            method: v.method,
          })
        }
      >
        <Form.Item name="date" label={pick('日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="method" label={pick('现用避孕方法', 'Method in use')}>
          <Select allowClear options={options(FP_SERVICE, lang)} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

/** 计划生育: technical services, free contraceptive stock and issues, post-abortion care. */
export function FamilyPlanningPage() {
  const { pick } = useI18n();
  return (
    <>
      <PageHeader title={pick('计划生育技术服务', 'Family planning')} />
      <Card>
        <Tabs
          items={[
            { key: 'services', label: pick('技术服务', 'Services'), children: <Services /> },
            { key: 'stock', label: pick('免费药具', 'Free contraceptives'), children: <Stock /> },
            { key: 'pac', label: pick('流产后关爱', 'Post-abortion care'), children: <PostAbortion /> },
          ]}
        />
      </Card>
    </>
  );
}
