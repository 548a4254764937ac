import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { INDICATOR_UNIT_LABELS } from '@fuyou/core';
import { useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { RegionPicker } from '../../components/region-picker';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { areaLabel, comparatorText, RegionSelect, useCatalogue, useIndicatorHome } from './indicator-widgets';
import { indicatorsApi, type AppliedTarget, type CatalogueEntry } from './indicators.api';

type Comparator = AppliedTarget['comparator'];

/** Comparators a form offers: "no avoidable maternal death" only for the avoidable maternal deaths count. */
function comparatorsFor(indicatorId: string): Comparator[] {
  return indicatorId === 'avoidable_maternal_deaths'
    ? ['no_avoidable_maternal_death', '<=', '<']
    : ['>=', '>', '<=', '<'];
}

/** One row of the table: an indicator, the target that applies, and the region's own row of the year. */
interface Row {
  def: CatalogueEntry;
  applied: AppliedTarget | null;
  own: AppliedTarget | null;
}

type Show = 'with' | 'all' | 'own';

/** 目标值管理: the targets of a region and year, where each comes from, and (for planners) override or remove. */
export function IndicatorTargetsPage() {
  const { pick, lang } = useI18n();
  const me = useCurrentUser();
  const canEdit = me.role === 'sysadmin' || me.role === 'commission_viewer';
  const readsIndicators = me.permissions.includes('indicator.read');
  const home = useIndicatorHome(readsIndicators);
  const catalogue = useCatalogue();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const thisYear = home.data?.reportYear ?? new Date().getFullYear();
  const region = params.get('region') ?? (readsIndicators ? (home.data?.regionCode ?? '') : '');
  const year = Number(params.get('year') ?? thisYear);
  const show = (params.get('show') ?? 'with') as Show;
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Row | null>(null);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  const q = useQuery({
    queryKey: ['indicators', 'targets', region, year],
    queryFn: () => indicatorsApi.appliedTargets(region, year),
    enabled: !!region && Number.isInteger(year),
  });
  const rows: Row[] = useMemo(() => {
    const applied = new Map((q.data?.applied ?? []).map((t) => [t.indicatorId, t]));
    const own = new Map((q.data?.own ?? []).map((t) => [t.indicatorId, t]));
    const s = search.trim().toLowerCase();
    return (catalogue.data ?? [])
      .map((def) => ({ def, applied: applied.get(def.id) ?? null, own: own.get(def.id) ?? null }))
      .filter((r) => (show === 'all' ? true : show === 'own' ? !!r.own : !!r.applied))
      .filter((r) => !s || r.def.nameZh.includes(s) || r.def.nameEn.toLowerCase().includes(s) || r.def.id.includes(s));
  }, [catalogue.data, q.data, show, search]);
  const years = Array.from({ length: 10 }, (_, i) => thisYear + 1 - i);
  const origin = (r: Row) => {
    const t = r.applied;
    if (!t) return <Tag>{pick('未设定', 'None')}</Tag>;
    if (t.inheritedFrom === region && !t.carriedFromYear)
      return (
        <Tag color="blue" data-testid="origin-own">
          {pick('本地区设定', 'Set here')}
        </Tag>
      );
    return (
      <Space size={2} wrap>
        {t.inheritedFrom !== region && (
          <Tag data-testid="origin-inherited">
            {pick(`继承 ${t.regionName ?? t.inheritedFrom}`, `Inherited from ${t.regionName ?? t.inheritedFrom}`)}
          </Tag>
        )}
        {t.carriedFromYear && (
          <Tag color="default">{pick(`沿用${t.carriedFromYear}年`, `Carried from ${t.carriedFromYear}`)}</Tag>
        )}
      </Space>
    );
  };

  return (
    <>
      <PageHeader
        title={pick('目标值管理', 'Targets')}
        subTitle={pick(
          '各地区各年度的指标目标值：未设定时继承上级地区，本地区可覆盖；仅系统管理员和卫健委用户可编辑',
          'Targets per region and year: inherited from the parent region unless overridden here; sysadmin and commission users edit',
        )}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          {readsIndicators && home.data ? (
            <RegionSelect home={home.data} value={region} onChange={(x) => set('region', x)} />
          ) : (
            <RegionPicker
              value={region}
              onChange={(x) => x && set('region', x)}
              maxLevel="county"
              style={{ width: 280 }}
              data-testid="targets-region"
            />
          )}
          <Select<number>
            value={year}
            onChange={(y) => set('year', String(y))}
            style={{ width: 100 }}
            data-testid="targets-year"
            options={years.map((y) => ({ value: y, label: `${y}` }))}
          />
          <Segmented<Show>
            value={show}
            onChange={(v) => set('show', v)}
            options={[
              { value: 'with', label: pick('有目标的指标', 'With a target') },
              { value: 'own', label: pick('本地区设定', 'Set here') },
              { value: 'all', label: pick('全部指标', 'All indicators') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={pick('搜索指标', 'Search indicators')}
            onSearch={setSearch}
            onChange={(e) => !e.target.value && setSearch('')}
            style={{ width: 200 }}
          />
        </Space>
      </Card>
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={pick(
            '您可以查看目标值；设定和修改由系统管理员或卫健委用户进行。',
            'You can view targets; sysadmin and commission users edit them.',
          )}
        />
      )}
      {!region && <Alert type="info" style={{ marginBottom: 16 }} message={pick('请选择地区', 'Choose a region')} />}
      {q.error && <Alert type="error" style={{ marginBottom: 16 }} message={errorText(q.error)} />}
      <Table<Row>
        rowKey={(r) => r.def.id}
        size="small"
        loading={q.isLoading || catalogue.isLoading}
        dataSource={rows}
        data-testid="targets-table"
        pagination={{ pageSize: 30, showSizeChanger: false }}
        columns={[
          {
            title: pick('指标', 'Indicator'),
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{pick(r.def.nameZh, r.def.nameEn)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {areaLabel(r.def.area, pick)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: pick('目标', 'Target'),
            width: 180,
            render: (_: unknown, r) =>
              r.applied ? (
                <span data-testid={`target-${r.def.id}`}>
                  {comparatorText(r.applied.comparator, pick)}
                  {r.applied.comparator !== 'no_avoidable_maternal_death' &&
                    ` ${r.applied.value}${unitText(r.def.unit, lang)}`}
                </span>
              ) : (
                '—'
              ),
          },
          { title: pick('来源', 'Source'), width: 150, render: (_: unknown, r) => origin(r) },
          {
            title: pick('依据文件与说明', 'Document and note'),
            render: (_: unknown, r) =>
              r.applied ? (
                <Space direction="vertical" size={0}>
                  <span>{r.applied.source}</span>
                  {(r.applied.note || r.applied.textZh) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.applied.textZh ? `${pick('原文：', 'Original: ')}${r.applied.textZh}` : ''}
                      {r.applied.textZh && r.applied.note ? '；' : ''}
                      {lang === 'en-US' ? (r.applied.noteEn ?? r.applied.note) : r.applied.note}
                    </Typography.Text>
                  )}
                </Space>
              ) : null,
          },
          ...(canEdit
            ? [
                {
                  title: pick('操作', 'Actions'),
                  width: 200,
                  render: (_: unknown, r: Row) => (
                    <TargetActions row={r} region={region} year={year} onEdit={() => setEditing(r)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <TargetForm row={editing} region={region} year={year} onClose={() => setEditing(null)} />}
    </>
  );
}

function unitText(unit: string, lang: string): string {
  const l = INDICATOR_UNIT_LABELS[unit as keyof typeof INDICATOR_UNIT_LABELS];
  if (!l) return unit;
  return unit === '%' || unit === '‰' ? unit : ` ${lang === 'en-US' ? l.en : l.zh}`;
}

function TargetActions(props: { row: Row; region: string; year: number; onEdit(): void }) {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { showError } = useApiFeedback();
  const own = props.row.own;
  const remove = useMutation({
    mutationFn: () => indicatorsApi.deleteTarget(own!.id, own!.rowVersion),
    onSuccess: () => {
      void message.success(pick('已删除本地区目标值，恢复继承', 'Removed; the inherited target applies again'));
      void qc.invalidateQueries({ queryKey: ['indicators'] });
    },
    onError: showError,
  });
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={props.onEdit} data-testid={`edit-${props.row.def.id}`}>
        {own ? pick('修改', 'Edit') : props.row.applied ? pick('本地区覆盖', 'Override here') : pick('设定', 'Set')}
      </Button>
      {own && (
        <Popconfirm
          title={pick('删除本地区目标值？', 'Remove this region’s target?')}
          description={pick(
            '删除后将恢复继承上级地区（或往年）的目标值。',
            'The parent region’s (or an earlier year’s) target will apply again.',
          )}
          okText={pick('删除', 'Remove')}
          cancelText={pick('取消', 'Cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'confirm-remove' } as never}
          onConfirm={() => remove.mutate()}
        >
          <Button type="link" size="small" danger loading={remove.isPending} data-testid={`remove-${props.row.def.id}`}>
            {pick('删除覆盖', 'Remove override')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

interface FormValues {
  comparator: Comparator;
  value: number | null;
  source: string;
  note?: string;
}

function TargetForm(props: { row: Row; region: string; year: number; onClose(): void }) {
  const { pick, lang } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<FormValues>();
  const { def, applied, own } = props.row;
  const comparators = comparatorsFor(def.id);
  const comparator = Form.useWatch('comparator', form);
  const isPercent = def.unit === '%';
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      indicatorsApi.saveTarget({
        regionCode: props.region,
        year: props.year,
        indicatorId: def.id,
        comparator: v.comparator,
        value: v.comparator === 'no_avoidable_maternal_death' ? 0 : v.value,
        source: v.source,
        ...(v.note ? { note: v.note } : {}),
        ...(own ? { rowVersion: own.rowVersion } : {}),
      }),
    onSuccess: () => {
      void message.success(pick('目标值已保存', 'Target saved'));
      void qc.invalidateQueries({ queryKey: ['indicators'] });
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  const start = own ?? applied;
  return (
    <Modal
      open
      title={`${pick(def.nameZh, def.nameEn)} · ${props.year}${pick('年目标值', ' target')}`}
      okText={pick('保存', 'Save')}
      cancelText={pick('取消', 'Cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'target-save' } as never}
      destroyOnHidden
    >
      {applied && !own && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={pick(
            `当前继承：${applied.regionName ?? applied.inheritedFrom}${applied.carriedFromYear ? `（${applied.carriedFromYear}年）` : ''} ${comparatorText(applied.comparator, pick)} ${applied.comparator === 'no_avoidable_maternal_death' ? '' : applied.value}。保存后本地区使用自己的目标值。`,
            `Now inherited from ${applied.regionName ?? applied.inheritedFrom}. Saving sets this region's own target.`,
          )}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          comparator: start && comparators.includes(start.comparator) ? start.comparator : comparators[0],
          value: start?.value ?? null,
          source: own?.source ?? '',
          note: own?.note ?? '',
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="comparator"
          label={pick('比较方式', 'Comparator')}
          rules={[{ required: true, message: pick('请选择比较方式', 'Choose a comparator') }]}
        >
          <Select
            data-testid="target-comparator"
            options={comparators.map((c) => ({ value: c, label: comparatorText(c, pick) }))}
          />
        </Form.Item>
        {comparator !== 'no_avoidable_maternal_death' && (
          <Form.Item
            name="value"
            label={`${pick('目标值', 'Value')}（${unitText(def.unit, lang).trim()}）`}
            rules={[
              { required: true, message: pick('请填写目标值', 'Enter the target value') },
              {
                type: 'number',
                min: 0,
                max: isPercent ? 100 : undefined,
                message: isPercent
                  ? pick('百分比应在0–100之间', 'A percentage is between 0 and 100')
                  : pick('目标值不能为负', 'The value cannot be negative'),
              },
            ]}
          >
            <InputNumber style={{ width: '100%' }} step={0.1} data-testid="target-value" />
          </Form.Item>
        )}
        <Form.Item
          name="source"
          label={pick('依据文件', 'Source document')}
          rules={[
            { required: true, whitespace: true, message: pick('请填写目标来源文件', 'Name the source document') },
            { max: 300, message: pick('不超过300字', 'At most 300 characters') },
          ]}
        >
          <Input
            placeholder={pick('如：某卫健委〔2026〕号文件', 'e.g. the commission’s 2026 work plan')}
            data-testid="target-source"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={pick('说明', 'Note')}
          rules={[{ max: 500, message: pick('不超过500字', 'At most 500 characters') }]}
        >
          <Input.TextArea rows={2} data-testid="target-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
