import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined, FilePdfOutlined, NotificationOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { TARGET_EVALUATION_LABELS } from '@fuyou/core';
import { newUuid } from '../../api/client';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useCurrentUser } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-provider';
import {
  BasisSelect,
  comparatorText,
  DataAsOf,
  fmtValue,
  PeriodPicker,
  RegionSelect,
  STATUS_COLOURS,
  useIndicatorHome,
} from '../indicators/indicator-widgets';
import type { Basis } from '../indicators/indicators.api';
import { reportsApi, type LaggingMiss, type LaggingUnit, type Notice } from './reports.api';

/** Roles that issue notices and record summons (as the server checks). */
export const WRITER_ROLES = ['commission_viewer', 'mch_supervisor'];

/** 通报: the units that miss their targets in a period, ranked; issue a notice naming them; the notices issued. */
export function LaggingPage() {
  const { lang, pick } = useI18n();
  const me = useCurrentUser();
  const writer = WRITER_ROLES.includes(me.role);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const home = useIndicatorHome();
  const [params, setParams] = useSearchParams();
  // functional updates: two quick changes must not overwrite each other
  const set = (k: string, v: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const region = params.get('region') ?? home.data?.regionCode ?? '';
  const regionLevel = home.data?.regions.find((r) => r.code === region)?.level;
  const period = params.get('period') ?? (home.data ? `${home.data.reportYear - 1}RY` : '');
  const unit = params.get('unit') ?? (regionLevel === 'county' ? 'institution' : 'county');
  const include = params.get('include') ?? 'missed';
  const basis = (params.get('basis') ?? 'default') as Basis;
  const q = useQuery({
    queryKey: ['accountability', 'lagging', region, period, unit, include, basis],
    queryFn: () => reportsApi.lagging({ regionCode: region, period, unit, include, basis }),
    enabled: !!region && !!period,
    retry: false,
  });
  const notices = useQuery({
    queryKey: ['accountability', 'notices', region],
    queryFn: () => reportsApi.notices({ regionCode: region, pageSize: 50 }),
    enabled: !!region,
    retry: false,
  });
  const [issuing, setIssuing] = useState(false);

  const missColumns = [
    { title: pick('指标', 'Indicator'), render: (m: LaggingMiss) => pick(m.nameZh, m.nameEn) },
    {
      title: pick('指标值', 'Value'),
      align: 'right' as const,
      render: (m: LaggingMiss) => (
        <Space size={4}>
          {fmtValue(m.value, m.unit, lang)}
          {m.smallNumber && (
            <Tooltip title={pick('分子或分母较小，波动较大', 'Small numbers: read with care')}>
              <Tag color="gold">{pick('小样本', 'small n')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: pick('分子/分母', 'n/d'),
      align: 'right' as const,
      render: (m: LaggingMiss) => (m.denominator === null ? m.numerator : `${m.numerator}/${m.denominator}`),
    },
    {
      title: pick('目标', 'Target'),
      render: (m: LaggingMiss) =>
        m.target.comparator === 'no_avoidable_maternal_death'
          ? comparatorText(m.target.comparator, pick)
          : `${comparatorText(m.target.comparator, pick)} ${fmtValue(m.target.value, m.unit, lang)}`,
    },
    {
      title: pick('差距', 'Gap'),
      align: 'right' as const,
      render: (m: LaggingMiss) =>
        `${m.unit === '%' ? pick(`${m.gap.toFixed(2)}个百分点`, `${m.gap.toFixed(2)} pp`) : fmtValue(m.gap, m.unit, lang)}${
          m.target.value > 0 ? `（${(m.relativeGap * 100).toFixed(1)}%）` : ''
        }`,
    },
    {
      title: pick('评价', 'Status'),
      render: (m: LaggingMiss) => (
        <Tag color={STATUS_COLOURS[m.evaluation]}>
          {pick(TARGET_EVALUATION_LABELS[m.evaluation].zh, TARGET_EVALUATION_LABELS[m.evaluation].en)}
        </Tag>
      ),
    },
    {
      title: '',
      render: (m: LaggingMiss, _: unknown, i: number) => (
        <Link
          to={`/indicators/explore?${new URLSearchParams({ indicator: m.indicatorId, region, period }).toString()}`}
          data-testid={`miss-explore-${i}`}
        >
          {pick('查看', 'Open')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={pick('未达标单位与通报', 'Lagging units and notices')}
        subTitle={pick(
          '按目标值评价辖区各单位，未达标者按差距排名；可印发通报、登记约谈',
          'Units judged against their targets, ranked by how far they miss; issue a notice, record a summons',
        )}
        extra={
          writer && (
            <Button
              type="primary"
              icon={<NotificationOutlined />}
              disabled={!q.data?.units.length}
              onClick={() => setIssuing(true)}
              data-testid="issue-notice"
            >
              {pick('印发通报', 'Issue a notice')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          {home.data && <RegionSelect home={home.data} value={region} onChange={(c) => set('region', c)} />}
          {home.data && (
            <PeriodPicker value={period} onChange={(k) => set('period', k)} reportYear={home.data.reportYear} />
          )}
          <Segmented
            value={unit}
            onChange={(v) => set('unit', String(v))}
            data-testid="unit-kind"
            options={[
              { value: 'county', label: pick('县（区）', 'Counties'), disabled: regionLevel === 'county' },
              { value: 'institution', label: pick('机构', 'Institutions') },
            ]}
          />
          <Segmented
            value={include}
            onChange={(v) => set('include', String(v))}
            options={[
              { value: 'missed', label: pick('未达标及接近目标', 'Missed or close') },
              { value: 'not_met', label: pick('仅未达标', 'Not met only') },
            ]}
          />
          <BasisSelect value={basis} onChange={(b) => set('basis', b)} />
        </Space>
      </Card>
      {q.isError && <Alert type="error" showIcon message={errorText(q.error)} style={{ marginBottom: 16 }} />}
      <Card
        title={
          q.data
            ? pick(
                `${q.data.units.length} 个单位未达标（参与评价 ${q.data.unitsChecked} 个，全部达标 ${q.data.unitsMet} 个；${q.data.targetYear}年度目标）`,
                `${q.data.units.length} units miss (${q.data.unitsChecked} judged, ${q.data.unitsMet} met all; ${q.data.targetYear} targets)`,
              )
            : pick('未达标单位', 'Lagging units')
        }
        extra={<DataAsOf at={q.data?.dataAsOf} />}
        style={{ marginBottom: 16 }}
      >
        <Table<LaggingUnit>
          // remount when the figures arrive, so that every unit opens on its missed indicators
          key={q.data?.dataAsOf ?? 'loading'}
          rowKey="code"
          loading={q.isLoading}
          dataSource={q.data?.units ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="lagging-table"
          expandable={{
            defaultExpandAllRows: true,
            expandedRowRender: (u) => (
              <Table<LaggingMiss>
                size="small"
                rowKey="indicatorId"
                pagination={false}
                columns={missColumns}
                dataSource={u.misses}
              />
            ),
          }}
          columns={[
            { title: pick('名次', 'Rank'), dataIndex: 'rank', width: 70 },
            { title: pick('单位', 'Unit'), dataIndex: 'name' },
            ...(unit === 'institution'
              ? [{ title: pick('所在县区', 'County'), render: (u: LaggingUnit) => u.countyName ?? u.countyCode }]
              : []),
            {
              title: pick('未达标指标数', 'Missed'),
              render: (u: LaggingUnit) => `${u.misses.length} / ${u.checked}`,
            },
            {
              title: (
                <Tooltip title={pick('各未达标指标相对差距之和', 'Sum of the relative gaps')}>
                  {pick('差距得分', 'Gap score')}
                </Tooltip>
              ),
              render: (u: LaggingUnit) => u.score.toFixed(3),
            },
            ...(writer
              ? [
                  {
                    title: '',
                    render: (u: LaggingUnit) => (
                      <Button
                        size="small"
                        icon={<TeamOutlined />}
                        data-testid={`summon-${u.code}`}
                        onClick={() =>
                          navigate(
                            `/accountability/summons?${new URLSearchParams({
                              new: '1',
                              unitKind: u.kind,
                              unitCode: u.code,
                              unitName: u.name,
                              period,
                              indicators: u.misses.map((m) => m.indicatorId).join(','),
                            }).toString()}`,
                          )
                        }
                      >
                        {pick('约谈', 'Summon')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={pick('已印发的通报', 'Notices issued')}>
        <Table<Notice>
          rowKey="id"
          loading={notices.isLoading}
          dataSource={notices.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="notices-table"
          columns={[
            { title: pick('印发日期', 'Issued'), dataIndex: 'issuedOn', width: 110 },
            { title: pick('标题', 'Title'), dataIndex: 'title' },
            { title: pick('文号', 'No.'), dataIndex: 'docNo', render: (v: string | null) => v ?? '—' },
            { title: pick('统计周期', 'Period'), dataIndex: 'periodKey', width: 100 },
            { title: pick('点名单位', 'Units'), dataIndex: 'unitCount', width: 90 },
            {
              title: '',
              width: 200,
              render: (n: Notice) => (
                <Space>
                  <Button size="small" icon={<FilePdfOutlined />} href={reportsApi.noticePdfUrl(n.id)}>
                    PDF
                  </Button>
                  <Button size="small" icon={<DownloadOutlined />} href={reportsApi.noticeXlsxUrl(n.id)}>
                    Excel
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {issuing && q.data && (
        <IssueNoticeModal
          region={region}
          period={period}
          unit={unit}
          include={include}
          basis={basis}
          regionName={q.data.region.name}
          onClose={() => setIssuing(false)}
        />
      )}
    </>
  );
}

interface NoticeForm {
  title?: string;
  docNo?: string;
  issuedOn: Dayjs;
  issuerName?: string;
  body?: string;
}

function IssueNoticeModal(props: {
  region: string;
  regionName: string;
  period: string;
  unit: string;
  include: string;
  basis: Basis;
  onClose(): void;
}) {
  const { pick } = useI18n();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<NoticeForm>();
  // one id per open dialog: a retried submit does not issue twice
  const [id] = useState(newUuid);
  const m = useMutation({
    mutationFn: (v: NoticeForm) =>
      reportsApi.createNotice({
        id,
        regionCode: props.region,
        period: props.period,
        unit: props.unit,
        include: props.include,
        basis: props.basis,
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        ...(v.title?.trim() ? { title: v.title.trim() } : {}),
        ...(v.docNo?.trim() ? { docNo: v.docNo.trim() } : {}),
        ...(v.issuerName?.trim() ? { issuerName: v.issuerName.trim() } : {}),
        ...(v.body?.trim() ? { body: v.body.trim() } : {}),
      }),
    onSuccess: (n) => {
      void qc.invalidateQueries({ queryKey: ['accountability', 'notices'] });
      void message.success(pick(`已印发：${n.title}`, `Issued: ${n.title}`));
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open
      title={pick('印发通报', 'Issue a notice')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={pick('确认印发', 'Issue')}
      okButtonProps={{ 'data-testid': 'notice-issue-ok' }}
      confirmLoading={m.isPending}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {pick(
          '通报将点名上表中的单位和指标，并保存当前数据；印发后不能修改。',
          'The notice names the units and indicators above and keeps the figures as they are now; it cannot be edited once issued.',
        )}
      </Typography.Paragraph>
      <Form<NoticeForm>
        form={form}
        layout="vertical"
        initialValues={{ issuedOn: dayjs(), issuerName: `${props.regionName}卫生健康委员会` }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item name="title" label={pick('标题', 'Title')}>
          <Input
            placeholder={pick('留空则自动生成', 'Left empty: generated')}
            maxLength={200}
            data-testid="notice-title"
          />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="docNo" label={pick('文号', 'Document no.')}>
            <Input maxLength={80} style={{ width: 240 }} data-testid="notice-docno" />
          </Form.Item>
          <Form.Item
            name="issuedOn"
            label={pick('印发日期', 'Issued on')}
            rules={[{ required: true, message: pick('请选择印发日期', 'Choose the date') }]}
          >
            <DatePicker data-testid="notice-date" />
          </Form.Item>
        </Space>
        <Form.Item name="issuerName" label={pick('发文单位', 'Issuer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="body" label={pick('正文', 'Body')}>
          <Input.TextArea
            rows={4}
            maxLength={4000}
            placeholder={pick('留空则按统计结果自动生成', 'Left empty: generated from the figures')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
