import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ACTION_STATE_LABELS, isIndicatorError, parsePeriodKey, periodLabel, SUMMONS_STATE_LABELS } from '@fuyou/core';
import { newUuid } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { useCatalogue, useIndicatorHome } from '../indicators/indicator-widgets';
import { WRITER_ROLES } from './lagging.page';
import { reportsApi, type Summons, type SummonsAction } from './reports.api';

/** A period key as words without its dates ('2026报告年度'); '' when there is none. */
function periodShortLabel(key: string | null, pick: (zh: string, en: string) => string): string {
  if (!key) return '';
  const p = parsePeriodKey(key);
  if (isIndicatorError(p)) return key;
  const l = periodLabel(p);
  return pick(l.zh, l.en)
    .replace(/[（(].*[)）]$/, '')
    .trim();
}

/** Background of overdue rows. */
const OVERDUE_BG = '#fff1f0';

const STATE_COLOURS: Record<Summons['state'], string> = { overdue: 'red', open: 'blue', done: 'green' };
const ACTION_COLOURS: Record<SummonsAction['state'], string> = {
  done: 'green',
  done_late: 'lime',
  overdue: 'red',
  due_soon: 'orange',
  pending: 'blue',
};

/** 约谈: summons of lagging units with their follow-up actions; overdue actions stand out. */
export function SummonsPage() {
  const { pick } = useI18n();
  const me = useCurrentUser();
  const writer = WRITER_ROLES.includes(me.role);
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<{ state?: string; q?: string; from?: string; to?: string; page: number }>({
    page: 1,
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const creating = params.get('new') === '1';
  const query = { ...filters, pageSize: 20 };
  const list = useQuery({
    queryKey: ['accountability', 'summons', query],
    queryFn: () => reportsApi.summonsList(query),
    retry: false,
  });
  const { page: _page, ...exportFilters } = filters;
  void _page;
  const closeCreate = () =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const k of ['new', 'unitKind', 'unitCode', 'unitName', 'period', 'indicators']) next.delete(k);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader
        title={pick('约谈记录', 'Summons')}
        subTitle={pick(
          '约谈未达标单位，记录参加人员、整改措施与期限，跟踪完成情况',
          'Summons of lagging units: who attended, the actions agreed and their due dates, their completion',
        )}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={reportsApi.summonsXlsxUrl(exportFilters)}
              data-testid="summons-export"
            >
              {pick('导出Excel', 'Export xlsx')}
            </Button>
            {writer && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="summons-new"
                onClick={() => setParams(new URLSearchParams({ new: '1' }), { replace: true })}
              >
                {pick('登记约谈', 'Record a summons')}
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Radio.Group
            value={filters.state ?? ''}
            onChange={(e) => setFilters({ ...filters, state: e.target.value || undefined, page: 1 })}
            optionType="button"
            data-testid="summons-state"
            options={[
              { value: '', label: pick('全部', 'All') },
              { value: 'overdue', label: pick('整改逾期', 'Overdue') },
              { value: 'open_or_overdue', label: pick('未完成', 'Not done') },
              { value: 'done', label: pick('整改完成', 'Done') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={pick('单位或事由', 'Unit or reason')}
            style={{ width: 220 }}
            onSearch={(v) => setFilters({ ...filters, q: v || undefined, page: 1 })}
          />
          <DatePicker.RangePicker
            onChange={(r) =>
              setFilters({
                ...filters,
                from: r?.[0]?.format('YYYY-MM-DD'),
                to: r?.[1]?.format('YYYY-MM-DD'),
                page: 1,
              })
            }
          />
        </Space>
      </Card>
      {list.isError && <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<Summons>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          data-testid="summons-table"
          onRow={(r) => ({
            onClick: () => setOpenId(r.id),
            style: { cursor: 'pointer', ...(r.state === 'overdue' ? { background: OVERDUE_BG } : {}) },
            'data-testid': `summons-row-${r.state}`,
          })}
          pagination={{
            current: filters.page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: (page) => setFilters({ ...filters, page }),
            showTotal: (t) => pick(`共 ${t} 条`, `${t} in all`),
          }}
          columns={[
            { title: pick('约谈日期', 'Date'), dataIndex: 'summonedOn', width: 110 },
            { title: pick('被约谈单位', 'Unit'), dataIndex: 'unitName' },
            { title: pick('所在县区', 'County'), render: (s: Summons) => s.countyName ?? s.countyCode, width: 100 },
            {
              title: pick('约谈机关', 'By'),
              render: (s: Summons) => s.issuerRegionName ?? s.issuerRegionCode,
              width: 100,
            },
            { title: pick('事由', 'Reason'), dataIndex: 'reason', ellipsis: true },
            {
              title: pick('整改', 'Actions'),
              width: 160,
              render: (s: Summons) => (
                <Space size={4}>
                  <Tag color={STATE_COLOURS[s.state]} data-testid={`summons-state-${s.state}`}>
                    {pick(SUMMONS_STATE_LABELS[s.state].zh, SUMMONS_STATE_LABELS[s.state].en)}
                  </Tag>
                  <span>
                    {s.actionsDone}/{s.actionsTotal}
                  </span>
                </Space>
              ),
            },
            {
              title: pick('最近期限', 'Next due'),
              width: 110,
              render: (s: Summons) =>
                s.nextDueOn ? (
                  <Typography.Text type={s.actionsOverdue ? 'danger' : undefined}>{s.nextDueOn}</Typography.Text>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      {creating && <CreateSummonsModal params={params} onClose={closeCreate} />}
      {openId && <SummonsDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

interface SummonsForm {
  unitKind: 'county' | 'institution';
  county?: string;
  institution?: string | null;
  summonedOn: Dayjs;
  reason: string;
  indicatorIds?: string[];
  attendees: { name: string; position?: string; side: 'issuer' | 'unit' }[];
  actions?: { description: string; responsible: string; dueOn: Dayjs }[];
  summary?: string;
}

function CreateSummonsModal(props: { params: URLSearchParams; onClose(): void }) {
  const { pick } = useI18n();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const home = useIndicatorHome();
  const catalogue = useCatalogue();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<SummonsForm>();
  const [id] = useState(newUuid);
  const kind = Form.useWatch('unitKind', form);
  const homeLevel = home.data?.regions.find((r) => r.code === home.data?.regionCode)?.level;
  const presetKind = props.params.get('unitKind') as SummonsForm['unitKind'] | null;
  const presetCode = props.params.get('unitCode') ?? undefined;
  const counties = (home.data?.regions ?? []).filter((r) => r.level === 'county' && r.code !== home.data?.regionCode);
  const m = useMutation({
    mutationFn: (v: SummonsForm) =>
      reportsApi.createSummons({
        id,
        unitKind: v.unitKind,
        unitCode: v.unitKind === 'county' ? v.county : v.institution,
        ...(props.params.get('period') ? { periodKey: props.params.get('period') } : {}),
        summonedOn: v.summonedOn.format('YYYY-MM-DD'),
        reason: v.reason,
        indicatorIds: v.indicatorIds ?? [],
        attendees: v.attendees.map((a) => ({ ...a, position: a.position || undefined })),
        actions: (v.actions ?? []).map((a) => ({
          description: a.description,
          responsible: a.responsible,
          dueOn: a.dueOn?.format('YYYY-MM-DD'),
        })),
        ...(v.summary?.trim() ? { summary: v.summary.trim() } : {}),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['accountability', 'summons'] });
      void message.success(pick('约谈已登记', 'Summons recorded'));
      props.onClose();
    },
    onError: (e) => applyToForm(form, e, { unitCode: kind === 'county' ? 'county' : 'institution' }),
  });
  const preIndicators = props.params.get('indicators')?.split(',').filter(Boolean);
  const periodText = periodShortLabel(props.params.get('period'), pick);
  return (
    <Modal
      open
      title={pick('登记约谈', 'Record a summons')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      width={760}
      okText={pick('保存', 'Save')}
      okButtonProps={{ 'data-testid': 'summons-save' }}
    >
      {!home.data ? (
        <Spin />
      ) : (
        <Form<SummonsForm>
          form={form}
          layout="vertical"
          onFinish={(v) => m.mutate(v)}
          initialValues={{
            unitKind: presetKind ?? (homeLevel === 'county' ? 'institution' : 'county'),
            ...(presetKind === 'county' ? { county: presetCode } : {}),
            ...(presetKind === 'institution' ? { institution: presetCode } : {}),
            summonedOn: dayjs(),
            indicatorIds: preIndicators,
            reason: preIndicators?.length
              ? pick(`${periodText}重点指标未达到目标`, `Key indicators below target (${periodText})`)
              : undefined,
            attendees: [
              { name: '', side: 'issuer' },
              { name: '', side: 'unit' },
            ],
            actions: [{ description: '', responsible: '', dueOn: dayjs().add(30, 'day') }],
          }}
        >
          <Space align="start" wrap>
            <Form.Item name="unitKind" label={pick('单位类别', 'Unit kind')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'county', label: pick('县（区）', 'County'), disabled: homeLevel === 'county' },
                  { value: 'institution', label: pick('机构', 'Institution') },
                ]}
              />
            </Form.Item>
            {kind === 'county' ? (
              <Form.Item
                name="county"
                label={pick('被约谈县（区）', 'County')}
                rules={[{ required: true, message: pick('请选择被约谈单位', 'Choose the unit') }]}
              >
                <Select
                  style={{ width: 220 }}
                  data-testid="summons-county"
                  options={counties.map((c) => ({ value: c.code, label: c.name }))}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="institution"
                label={pick('被约谈机构', 'Institution')}
                rules={[{ required: true, message: pick('请选择被约谈单位', 'Choose the unit') }]}
                style={{ minWidth: 320 }}
              >
                <InstitutionSelect
                  data-testid="summons-institution"
                  currentLabel={presetKind === 'institution' ? props.params.get('unitName') : null}
                />
              </Form.Item>
            )}
            <Form.Item
              name="summonedOn"
              label={pick('约谈日期', 'Date')}
              rules={[{ required: true, message: pick('请选择约谈日期', 'Choose the date') }]}
            >
              <DatePicker data-testid="summons-date" />
            </Form.Item>
          </Space>
          <Form.Item
            name="reason"
            label={pick('约谈事由', 'Reason')}
            rules={[{ required: true, whitespace: true, message: pick('请填写约谈事由', 'Give the reason') }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="summons-reason" />
          </Form.Item>
          <Form.Item name="indicatorIds" label={pick('涉及指标', 'Indicators')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(catalogue.data ?? []).map((d) => ({ value: d.id, label: pick(d.nameZh, d.nameEn) }))}
            />
          </Form.Item>
          <Typography.Text strong>{pick('参加人员', 'Attendees')}</Typography.Text>
          <Form.List name="attendees">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: pick('请填写姓名', 'Name') }]}
                    >
                      <Input
                        placeholder={pick('姓名', 'Name')}
                        style={{ width: 140 }}
                        data-testid={`attendee-name-${f.name}`}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'position']}>
                      <Input placeholder={pick('单位及职务', 'Position')} style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'side']}>
                      <Select
                        style={{ width: 120 }}
                        options={[
                          { value: 'issuer', label: pick('约谈方', 'Issuer') },
                          { value: 'unit', label: pick('被约谈方', 'Unit') },
                        ]}
                      />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ side: 'unit' })}
                  style={{ marginBottom: 16 }}
                >
                  {pick('增加人员', 'Add a person')}
                </Button>
              </>
            )}
          </Form.List>
          <div>
            <Typography.Text strong>{pick('整改措施', 'Follow-up actions')}</Typography.Text>
          </div>
          <Form.List name="actions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[f.name, 'description']}
                      rules={[
                        { required: true, whitespace: true, message: pick('请填写整改措施', 'Describe the action') },
                      ]}
                    >
                      <Input
                        placeholder={pick('措施内容', 'Action')}
                        style={{ width: 300 }}
                        data-testid={`action-desc-${f.name}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'responsible']}
                      rules={[{ required: true, whitespace: true, message: pick('请填写责任人', 'Who') }]}
                    >
                      <Input
                        placeholder={pick('责任人/单位', 'Responsible')}
                        style={{ width: 160 }}
                        data-testid={`action-resp-${f.name}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'dueOn']}
                      rules={[{ required: true, message: pick('请选择完成期限', 'Due date') }]}
                    >
                      <DatePicker placeholder={pick('完成期限', 'Due')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ dueOn: dayjs().add(30, 'day') })}
                  style={{ marginBottom: 16 }}
                >
                  {pick('增加措施', 'Add an action')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="summary" label={pick('约谈纪要', 'Minutes')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function SummonsDrawer(props: { id: string; onClose(): void }) {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const { showError } = useApiFeedback();
  const q = useQuery({
    queryKey: ['accountability', 'summons', 'one', props.id],
    queryFn: () => reportsApi.summons(props.id),
  });
  const [completing, setCompleting] = useState<SummonsAction | null>(null);
  const [adding, setAdding] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['accountability', 'summons'] });
  const reopen = useMutation({
    mutationFn: (a: SummonsAction) => reportsApi.updateAction(a.id, { version: a.version, completedOn: null }),
    onSuccess: refresh,
    onError: showError,
  });
  const s = q.data;
  return (
    <Drawer
      open
      width={780}
      onClose={props.onClose}
      title={s ? `${s.unitName} · ${s.summonedOn}` : ''}
      data-testid="summons-drawer"
    >
      {s && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={pick('被约谈单位', 'Unit')}>{s.unitName}</Descriptions.Item>
            <Descriptions.Item label={pick('约谈机关', 'By')}>
              {s.issuerRegionName ?? s.issuerRegionCode}
            </Descriptions.Item>
            <Descriptions.Item label={pick('约谈日期', 'Date')}>{s.summonedOn}</Descriptions.Item>
            <Descriptions.Item label={pick('整改状态', 'State')}>
              <Tag color={STATE_COLOURS[s.state]}>
                {pick(SUMMONS_STATE_LABELS[s.state].zh, SUMMONS_STATE_LABELS[s.state].en)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={pick('事由', 'Reason')} span={2}>
              {s.reason}
            </Descriptions.Item>
            <Descriptions.Item label={pick('涉及指标', 'Indicators')} span={2}>
              {s.indicators.length ? s.indicators.map((i) => <Tag key={i.id}>{pick(i.nameZh, i.nameEn)}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={pick('参加人员', 'Attendees')} span={2}>
              {s.attendees.map((a, i) => (
                <div key={i}>
                  {a.name}
                  {a.position ? `（${a.position}）` : ''} ·{' '}
                  {a.side === 'issuer' ? pick('约谈方', 'issuer') : pick('被约谈方', 'unit')}
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={pick('约谈纪要', 'Minutes')} span={2}>
              {s.summary ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Card
            size="small"
            title={pick('整改措施', 'Follow-up actions')}
            extra={
              s.canEdit && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="action-add">
                  {pick('增加措施', 'Add')}
                </Button>
              )
            }
          >
            <Table<SummonsAction>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={s.actions}
              onRow={(a) => (a.state === 'overdue' ? { style: { background: OVERDUE_BG } } : {})}
              data-testid="actions-table"
              columns={[
                { title: pick('措施', 'Action'), dataIndex: 'description' },
                { title: pick('责任人', 'Responsible'), dataIndex: 'responsible', width: 120 },
                { title: pick('期限', 'Due'), dataIndex: 'dueOn', width: 105 },
                {
                  title: pick('状态', 'State'),
                  width: 100,
                  render: (a: SummonsAction) => (
                    <Tag color={ACTION_COLOURS[a.state]} data-testid={`action-state-${a.state}`}>
                      {pick(ACTION_STATE_LABELS[a.state].zh, ACTION_STATE_LABELS[a.state].en)}
                    </Tag>
                  ),
                },
                {
                  title: pick('完成情况', 'Done'),
                  render: (a: SummonsAction) =>
                    a.completedOn ? (
                      <span>
                        {a.completedOn}：{a.completionNote}
                      </span>
                    ) : (
                      '—'
                    ),
                },
                {
                  title: '',
                  width: 90,
                  render: (a: SummonsAction) =>
                    !s.canComplete ? null : a.completedOn ? (
                      <Popconfirm
                        title={pick('撤销完成标记？', 'Mark as not done?')}
                        onConfirm={() => reopen.mutate(a)}
                        okText={pick('撤销', 'Undo')}
                        cancelText={pick('取消', 'Cancel')}
                      >
                        <Button size="small" type="link">
                          {pick('撤销', 'Undo')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" type="link" onClick={() => setCompleting(a)} data-testid="action-complete">
                        {pick('完成', 'Complete')}
                      </Button>
                    ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
      {completing && <CompleteActionModal action={completing} onClose={() => setCompleting(null)} onDone={refresh} />}
      {adding && s && <AddActionModal summons={s} onClose={() => setAdding(false)} onDone={refresh} />}
    </Drawer>
  );
}

function CompleteActionModal(props: { action: SummonsAction; onClose(): void; onDone(): void }) {
  const { pick } = useI18n();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<{ completedOn: Dayjs; completionNote: string }>();
  const m = useMutation({
    mutationFn: (v: { completedOn: Dayjs; completionNote: string }) =>
      reportsApi.updateAction(props.action.id, {
        version: props.action.version,
        completedOn: v.completedOn.format('YYYY-MM-DD'),
        completionNote: v.completionNote,
      }),
    onSuccess: () => {
      props.onDone();
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open
      title={pick('记录完成情况', 'Record completion')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okText={pick('确认完成', 'Mark done')}
      okButtonProps={{ 'data-testid': 'action-complete-ok' }}
    >
      <Typography.Paragraph>{props.action.description}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ completedOn: dayjs() }} onFinish={(v) => m.mutate(v)}>
        <Form.Item
          name="completedOn"
          label={pick('完成日期', 'Completed on')}
          rules={[{ required: true, message: pick('请选择完成日期', 'Choose the date') }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="completionNote"
          label={pick('完成情况', 'What was done')}
          rules={[{ required: true, whitespace: true, message: pick('请填写完成情况', 'Say what was done') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="action-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddActionModal(props: { summons: Summons; onClose(): void; onDone(): void }) {
  const { pick } = useI18n();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<{ description: string; responsible: string; dueOn: Dayjs }>();
  const [id] = useState(newUuid);
  const m = useMutation({
    mutationFn: (v: { description: string; responsible: string; dueOn: Dayjs }) =>
      reportsApi.addAction(props.summons.id, { id, ...v, dueOn: v.dueOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      props.onDone();
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open
      title={pick('增加整改措施', 'Add an action')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      okButtonProps={{ 'data-testid': 'action-add-ok' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ dueOn: dayjs().add(30, 'day') }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item
          name="description"
          label={pick('措施内容', 'Action')}
          rules={[{ required: true, whitespace: true, message: pick('请填写整改措施', 'Describe the action') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="responsible"
          label={pick('责任人/单位', 'Responsible')}
          rules={[{ required: true, whitespace: true, message: pick('请填写责任人', 'Who') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={pick('完成期限', 'Due')}
          rules={[{ required: true, message: pick('请选择完成期限', 'Due date') }]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
