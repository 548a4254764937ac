import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { QUALITY_RECORD_TYPE_LABELS, QUALITY_TIMELINESS_TYPES, type QualityTimelinessType } from '@fuyou/core';
import { useHasPermission } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { qualityApi, type QualityRuleRow } from './quality.api';
import { QualityRegionSelect, SeverityTag, kindLabel, recordTypeLabel, useQualityHome } from './quality-widgets';

interface Draft {
  disabled: Set<string>;
  weights: Record<string, number>;
  late: Partial<Record<QualityTimelinessType, number>>;
  windowDays?: number;
  note: string;
}

/** 质控规则与配置: the catalogue with its sources; a commission user sets thresholds, weights and switches. */
export function QualityRulesPage() {
  const { pick } = useI18n();
  const { message } = AntApp.useApp();
  const { showError } = useApiFeedback();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  // the sysadmin configures without reading quality results: no quality home for her, the national level by default
  const home = useQualityHome(useHasPermission('quality.read'));
  const region = params.get('region') ?? home.data?.regionCode ?? '000000';
  const rules = useQuery({ queryKey: ['quality', 'rules', region], queryFn: () => qualityApi.rules(region) });
  const config = useQuery({ queryKey: ['quality', 'config', region], queryFn: () => qualityApi.config(region) });
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (!config.data) return;
    const own = (config.data.own?.config ?? {}) as {
      disabledRules?: string[];
      ruleWeights?: Record<string, number>;
      lateEntryDays?: Partial<Record<QualityTimelinessType, number>>;
      windowDays?: number;
    };
    setDraft({
      disabled: new Set(config.data.effective.disabledRules),
      weights: { ...(own.ruleWeights ?? {}) },
      late: { ...(own.lateEntryDays ?? {}) },
      ...(own.windowDays !== undefined ? { windowDays: own.windowDays } : {}),
      note: config.data.own?.note ?? '',
    });
  }, [config.data]);
  const canEdit = !!config.data?.canEdit;
  const save = useMutation({
    mutationFn: (remove: boolean) => {
      if (remove) return qualityApi.setConfig({ regionCode: region, config: null });
      const own = { ...(config.data?.own?.config ?? {}) } as Record<string, unknown>;
      const inherited = new Set(
        config.data?.inherited.flatMap((o) => (o.config as { disabledRules?: string[] }).disabledRules ?? []) ?? [],
      );
      // a region's switches replace the inherited list (arrays replace when merged)
      if (draft!.disabled.size || inherited.size) own.disabledRules = [...draft!.disabled];
      else delete own.disabledRules;
      if (Object.keys(draft!.weights).length) own.ruleWeights = draft!.weights;
      else delete own.ruleWeights;
      if (Object.keys(draft!.late).length) own.lateEntryDays = draft!.late;
      else delete own.lateEntryDays;
      if (draft!.windowDays !== undefined) own.windowDays = draft!.windowDays;
      return qualityApi.setConfig({
        regionCode: region,
        config: own,
        ...(draft!.note ? { note: draft!.note } : {}),
        ...(config.data?.own ? { rowVersion: config.data.own.rowVersion } : {}),
      });
    },
    onSuccess: () => {
      void message.success(pick('已保存；下次运行质控时生效', 'Saved; it applies from the next run'));
      void qc.invalidateQueries({ queryKey: ['quality'] });
    },
    onError: showError,
  });
  const eff = config.data?.effective;
  return (
    <>
      <PageHeader
        title={pick('质控规则与配置', 'Quality rules and settings')}
        subTitle={pick(
          '规则目录、依据与阈值；地区可调整阈值、权重和启用的规则（继承上级设置）',
          'The catalogue, its sources and thresholds; a region may change thresholds, weights and rules (inherited)',
        )}
        breadcrumb={[
          { title: pick('数据质控', 'Data quality'), to: `/quality?region=${region}` },
          { title: pick('规则', 'Rules') },
        ]}
        extra={
          home.data && (
            <QualityRegionSelect home={home.data} value={region} onChange={(c) => setParams({ region: c })} />
          )
        }
      />
      {eff && draft && (
        <Card title={pick('阈值', 'Thresholds')} style={{ marginBottom: 16 }} size="small">
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={pick('检查期间（天）', 'Window (days)')}>
              {canEdit ? (
                <InputNumber
                  min={30}
                  max={3650}
                  value={draft.windowDays ?? eff.windowDays}
                  onChange={(v) => setDraft({ ...draft, ...(v === null ? {} : { windowDays: v }) })}
                />
              ) : (
                eff.windowDays
              )}
            </Descriptions.Item>
            {QUALITY_TIMELINESS_TYPES.map((t) => (
              <Descriptions.Item
                key={t}
                label={pick(
                  `${QUALITY_RECORD_TYPE_LABELS[t].zh}录入时限（天）`,
                  `${QUALITY_RECORD_TYPE_LABELS[t].en}: entry limit (days)`,
                )}
              >
                {canEdit ? (
                  <InputNumber
                    min={0}
                    max={3650}
                    value={draft.late[t] ?? eff.lateEntryDays[t]}
                    onChange={(v) => setDraft({ ...draft, late: { ...draft.late, ...(v === null ? {} : { [t]: v }) } })}
                    data-testid={`late-${t}`}
                  />
                ) : (
                  eff.lateEntryDays[t]
                )}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={pick('及时性判断起点', 'Timeliness judged from')}>
              {eff.timelinessCheckedFrom
                ? new Date(eff.timelinessCheckedFrom).toLocaleString()
                : pick('全部记录', 'all records')}
            </Descriptions.Item>
            <Descriptions.Item label={pick('产妇生育年龄', "Mother's age")}>
              {eff.motherAgeYears.min}–{eff.motherAgeYears.max}
            </Descriptions.Item>
            <Descriptions.Item label={pick('配置版本', 'Version')}>{eff.version}</Descriptions.Item>
          </Descriptions>
          {config.data?.inherited.length ? (
            <Typography.Text type="secondary">
              {pick('继承自：', 'Inherited from: ')}
              {config.data.inherited.map((o) => o.regionCode).join('、')}
            </Typography.Text>
          ) : null}
        </Card>
      )}
      {canEdit && draft && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          message={
            <Space wrap>
              <Input
                placeholder={pick('修改说明（可选）', 'Note (optional)')}
                value={draft.note}
                onChange={(e) => setDraft({ ...draft, note: e.target.value })}
                style={{ width: 320 }}
              />
              <Button
                type="primary"
                loading={save.isPending}
                onClick={() => save.mutate(false)}
                data-testid="quality-config-save"
              >
                {pick('保存本地区设置', 'Save this region’s settings')}
              </Button>
              {config.data?.own && (
                <Popconfirm
                  title={pick('删除本地区设置，恢复继承的配置？', 'Remove this region’s settings and inherit again?')}
                  onConfirm={() => save.mutate(true)}
                  okText={pick('删除', 'Remove')}
                  cancelText={pick('取消', 'Cancel')}
                >
                  <Button danger>{pick('恢复继承', 'Restore inherited')}</Button>
                </Popconfirm>
              )}
            </Space>
          }
        />
      )}
      <Card size="small">
        <Table<QualityRuleRow>
          rowKey="id"
          size="small"
          loading={rules.isLoading}
          dataSource={rules.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="quality-rules"
          expandable={{
            expandedRowRender: (r) => (
              <Space direction="vertical" size={2}>
                <Typography.Text>{pick(r.descriptionZh, r.descriptionEn)}</Typography.Text>
                <Typography.Text type="secondary">
                  {pick('处理建议', 'Fix')}：{pick(r.fixZh, r.fixEn)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {pick('依据', 'Source')}：{r.source}
                </Typography.Text>
              </Space>
            ),
          }}
          columns={[
            { title: pick('规则', 'Rule'), render: (_, r) => pick(r.nameZh, r.nameEn) },
            { title: pick('类别', 'Kind'), render: (_, r) => kindLabel(r.kind, pick) },
            { title: pick('记录', 'Record'), render: (_, r) => recordTypeLabel(r.recordType, pick) },
            { title: pick('程度', 'Severity'), render: (_, r) => <SeverityTag severity={r.severity} /> },
            {
              title: pick('依据等级', 'Evidence'),
              dataIndex: 'evidence',
              render: (e: string) => <Tag color={e === 'C' ? 'green' : e === 'R' ? 'blue' : 'default'}>{e}</Tag>,
            },
            {
              title: pick('权重', 'Weight'),
              render: (_, r) =>
                canEdit && draft ? (
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    value={draft.weights[r.id] ?? r.weight}
                    onChange={(v) =>
                      setDraft({ ...draft, weights: { ...draft.weights, ...(v === null ? {} : { [r.id]: v }) } })
                    }
                  />
                ) : (
                  r.weight
                ),
            },
            {
              title: pick('启用', 'On'),
              render: (_, r) =>
                canEdit && draft ? (
                  <Switch
                    size="small"
                    checked={!draft.disabled.has(r.id)}
                    onChange={(on) => {
                      const d = new Set(draft.disabled);
                      if (on) d.delete(r.id);
                      else d.add(r.id);
                      setDraft({ ...draft, disabled: d });
                    }}
                    data-testid={`rule-switch-${r.id}`}
                  />
                ) : r.enabled ? (
                  <Tag color="green">{pick('启用', 'on')}</Tag>
                ) : (
                  <Tag>{pick('停用', 'off')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
