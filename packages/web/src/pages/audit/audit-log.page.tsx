import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { searchAudit, verifyAudit, type AuditFilter } from '../../api/audit.api';
import type { AuditEventDto, AuditVerifyDto } from '../../api/types';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { AUDIT_ACTION_LABELS, ENTITY_TYPE_LABELS, ROLE_LABELS, labelOf } from '../../i18n/labels';
import { useI18n } from '../../i18n/i18n-provider';

interface FilterValues {
  username?: string;
  personId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function detailsText(d: unknown): string {
  if (d === null || d === undefined) return '';
  if (typeof d === 'object' && Object.keys(d).length === 0) return '';
  return JSON.stringify(d);
}

/** The audit log (audit administrator): filters by user, person, action and dates; verify the hash chain. */
export function AuditLogPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const { showError } = useApiFeedback();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const [verified, setVerified] = useState<AuditVerifyDto | null>(null);
  const list = useQuery({
    queryKey: ['audit', filter],
    queryFn: () => searchAudit(filter),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const verify = useMutation({ mutationFn: verifyAudit, onSuccess: setVerified, onError: showError });

  function apply(v: FilterValues) {
    const [from, to] = v.range ?? [];
    setFilter({
      username: v.username?.trim() || undefined,
      personId: v.personId?.trim() || undefined,
      action: v.action?.trim() || undefined,
      from: from ? from.format('YYYY-MM-DD') : undefined,
      to: to ? to.format('YYYY-MM-DD') : undefined,
      page: 1,
      pageSize: filter.pageSize ?? 20,
    });
  }

  const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, l]) => ({
    value,
    label: `${value} · ${lang === 'en-US' ? l.en : l.zh}`,
  }));

  const columns: TableColumnsType<AuditEventDto> = [
    { title: '#', dataIndex: 'seq', width: 64 },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 150,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.user'),
      dataIndex: 'username',
      width: 130,
      render: (u: string, e) => (
        <div>
          <div data-testid="audit-username">{u}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labelOf(ROLE_LABELS, e.role, lang)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 190,
      render: (a: string) => (
        <div>
          <div data-testid="audit-action">{labelOf(AUDIT_ACTION_LABELS, a, lang)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
            {a}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (o: string) =>
        o === 'success' ? <Tag color="green">{t('audit.success')}</Tag> : <Tag color="red">{t('audit.failure')}</Tag>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 200,
      render: (_: unknown, e) => (
        <div>
          {e.personId ? (
            <Tooltip title={e.personId}>
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto' }}
                onClick={() => {
                  form.setFieldValue('personId', e.personId);
                  apply({ ...form.getFieldsValue(), personId: e.personId ?? undefined });
                }}
              >
                {labelOf(ENTITY_TYPE_LABELS, 'person', lang)} {e.personId.slice(0, 8)}…
              </Button>
            </Tooltip>
          ) : e.entityType ? (
            <Typography.Text type="secondary">
              {labelOf(ENTITY_TYPE_LABELS, e.entityType, lang)}
              {e.entityId ? ` ${e.entityId.slice(0, 8)}…` : ''}
            </Typography.Text>
          ) : (
            '—'
          )}
          {e.countyCode && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('audit.county')} {e.countyCode}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: 'IP', dataIndex: 'ip', width: 110, render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.details'),
      dataIndex: 'details',
      ellipsis: { showTitle: false },
      render: (d: unknown) => {
        const s = detailsText(d);
        return s ? (
          <Tooltip title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(d, null, 2)}</pre>}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s}
            </Typography.Text>
          </Tooltip>
        ) : (
          ''
        );
      },
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        subTitle={t('audit.subtitle')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verified && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          closable
          onClose={() => setVerified(null)}
          type={verified.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          message={
            verified.ok
              ? t('audit.chainOk', { n: verified.rows })
              : t('audit.chainBroken', {
                  seq: verified.firstBreak?.seq ?? '?',
                  reason: verified.firstBreak?.reason ?? '',
                })
          }
        />
      )}
      <Card>
        <Form<FilterValues>
          form={form}
          layout="inline"
          onFinish={apply}
          style={{ marginBottom: 16, rowGap: 12 }}
          data-testid="audit-filters"
        >
          <Form.Item name="username" label={t('audit.user')}>
            <Input allowClear style={{ width: 140 }} data-testid="audit-filter-username" />
          </Form.Item>
          <Form.Item
            name="personId"
            label={t('audit.personId')}
            rules={[{ pattern: UUID, message: t('audit.personIdFormat') }]}
          >
            <Input allowClear style={{ width: 200 }} placeholder="uuid" data-testid="audit-filter-person" />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <AutoComplete
              allowClear
              style={{ width: 220 }}
              options={actionOptions}
              filterOption={(input, o) => (o?.label ?? '').toLowerCase().includes(input.toLowerCase())}
              data-testid="audit-filter-action"
            />
          </Form.Item>
          <Form.Item name="range" label={t('audit.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} data-testid="audit-filter-range" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  apply({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {list.isError && <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 16 }} />}
        <Table<AuditEventDto>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1040 }}
          data-testid="audit-table"
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
    </div>
  );
}
