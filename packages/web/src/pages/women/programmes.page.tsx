import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { RegionPicker } from '../../components/region-picker';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { FormModal } from './form-modal';
import { programmeApi, type ProgrammeCell } from './women.api';

const UNIT: Record<string, [string, string]> = {
  person: ['人', 'people'],
  couple: ['对', 'couples'],
  newborn: ['名新生儿', 'newborns'],
  diagnosis: ['例', 'diagnoses'],
  dispensing: ['人次', 'dispensings'],
  pregnancy: ['名孕产妇', 'pregnancies'],
};

/** Row of the table: one programme in the chosen county (or the total). */
type Line = ProgrammeCell & { countyCode: string | null; inScope: boolean };

/**
 * 惠民项目进度: each funded programme's annual target per county and its completion counted from the service
 * records (never typed in); the sysadmin and the commission set the targets.
 */
export function ProgrammesPage() {
  const { lang, pick } = useI18n();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { showError } = useApiFeedback();
  const canEdit = me.role === 'sysadmin' || me.role === 'commission_viewer';
  const [year, setYear] = useState(new Date().getFullYear());
  const [county, setCounty] = useState<string | undefined>();
  const [editing, setEditing] = useState<Line | null>(null);
  const q = useQuery({ queryKey: ['programmes', year], queryFn: () => programmeApi.progress(year) });
  const counties = q.data?.counties ?? [];
  const inScope = counties.filter((c) => c.inScope);
  const showTotal = inScope.length > 1;
  const chosen = county ?? (showTotal ? 'total' : counties[0]?.countyCode);
  const del = useMutation({
    mutationFn: (l: Line) =>
      programmeApi.deleteTarget({
        countyCode: l.countyCode,
        year,
        programmeId: l.programmeId,
        version: l.targetVersion,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['programmes'] }),
    onError: showError,
  });
  const known = counties.find((c) => c.countyCode === chosen);
  const lines: Line[] =
    chosen === 'total'
      ? (q.data?.programmes ?? []).map((p) => {
          const t = q.data!.total.find((x) => x.programmeId === p.id)!;
          const target = t.targetCount;
          return {
            programmeId: p.id,
            zh: p.zh,
            en: p.en,
            unit: p.unit,
            countsZh: p.countsZh,
            countsEn: p.countsEn,
            targetCount: target,
            targetVersion: null,
            targetSource: null,
            completed: t.completed,
            share: t.share,
            met: t.share !== null ? t.share >= 1 : null,
            remaining: target !== null && t.completed !== null ? Math.max(0, target - t.completed) : null,
            countyCode: null,
            inScope: true,
          };
        })
      : known
        ? known.programmes.map((p) => ({ ...p, countyCode: known.countyCode, inScope: known.inScope }))
        : chosen
          ? // a county without targets yet, chosen by the sysadmin to set the first ones
            (q.data?.programmes ?? []).map((p) => ({
              programmeId: p.id,
              zh: p.zh,
              en: p.en,
              unit: p.unit,
              countsZh: p.countsZh,
              countsEn: p.countsEn,
              targetCount: null,
              targetVersion: null,
              targetSource: null,
              completed: null,
              share: null,
              met: null,
              remaining: null,
              countyCode: chosen,
              inScope: false,
            }))
          : [];
  const unit = (u: string) => (lang === 'en-US' ? UNIT[u]?.[1] : UNIT[u]?.[0]) ?? u;
  return (
    <>
      <PageHeader
        title={pick('惠民项目目标与完成情况', 'Funded programmes: targets and completion')}
        subTitle={pick(
          '完成数由各项服务记录按项目口径自动统计（自然年），不手工填报；目标由系统管理员或卫健委按县区设置',
          'Completion is counted from the service records (calendar year); targets are set per county by the sysadmin or the commission',
        )}
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            addonBefore={pick('年度', 'Year')}
            data-testid="programme-year"
          />
          <Select
            style={{ width: 220 }}
            value={chosen}
            onChange={setCounty}
            data-testid="programme-county"
            options={[
              ...(showTotal ? [{ value: 'total', label: pick('辖区合计', 'All counties') }] : []),
              ...counties.map((c) => ({ value: c.countyCode, label: c.countyName ?? c.countyCode })),
              ...(chosen && chosen !== 'total' && !known ? [{ value: chosen, label: chosen }] : []),
            ]}
          />
          {me.role === 'sysadmin' && (
            <RegionPicker
              maxLevel="county"
              placeholder={pick('选择其他县区设置目标', 'Another county')}
              style={{ width: 280 }}
              onChange={(c) => c && /^\d{6}$/.test(c) && !c.endsWith('00') && setCounty(c)}
              data-testid="programme-region"
            />
          )}
        </Space>
        {chosen && chosen !== 'total' && !lines[0]?.inScope && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={pick(
              '该县区的服务记录不在您的数据范围内：这里只显示目标，完成数由县区及以上用户查看',
              'The records of this county are outside your data scope: targets only',
            )}
          />
        )}
        <Table<Line>
          rowKey="programmeId"
          size="small"
          loading={q.isLoading}
          pagination={false}
          dataSource={lines}
          data-testid="programme-table"
          columns={[
            {
              title: pick('项目', 'Programme'),
              render: (_: unknown, l) => (
                <>
                  <div>{lang === 'en-US' ? l.en : l.zh}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {lang === 'en-US' ? l.countsEn : l.countsZh}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: pick('年度目标', 'Target'),
              render: (_: unknown, l) => (l.targetCount !== null ? `${l.targetCount} ${unit(l.unit)}` : '—'),
            },
            {
              title: pick('已完成', 'Completed'),
              render: (_: unknown, l) => (l.completed !== null ? `${l.completed} ${unit(l.unit)}` : '—'),
            },
            {
              title: pick('完成率', 'Progress'),
              width: 220,
              render: (_: unknown, l) =>
                l.share !== null ? (
                  <Progress
                    percent={Math.round(l.share * 1000) / 10}
                    status={l.met ? 'success' : 'active'}
                    size="small"
                    format={(p) => `${p}%`}
                  />
                ) : (
                  '—'
                ),
            },
            {
              title: pick('尚差', 'Remaining'),
              render: (_: unknown, l) =>
                l.remaining === null ? (
                  '—'
                ) : l.remaining === 0 ? (
                  <Tag color="green">{pick('已完成', 'Met')}</Tag>
                ) : (
                  l.remaining
                ),
            },
            {
              title: pick('目标来源', 'Source'),
              dataIndex: 'targetSource',
              render: (v: string | null) => v ?? '—',
            },
            ...(canEdit && chosen !== 'total'
              ? [
                  {
                    title: '',
                    render: (_: unknown, l: Line) => (
                      <Space>
                        <Button
                          size="small"
                          onClick={() => setEditing(l)}
                          data-testid={`programme-edit-${l.programmeId}`}
                        >
                          {l.targetCount !== null ? pick('修改目标', 'Edit') : pick('设置目标', 'Set target')}
                        </Button>
                        {l.targetVersion !== null && (
                          <Popconfirm
                            title={pick('删除该项目目标？', 'Delete this target?')}
                            okText={pick('删除', 'Delete')}
                            cancelText={pick('取消', 'Cancel')}
                            onConfirm={() => del.mutate(l)}
                          >
                            <Button size="small" danger>
                              {pick('删除', 'Delete')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {canEdit && counties.length === 0 && !q.isLoading && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {pick('本年度尚无目标。', 'No targets for this year yet.')}
          </Typography.Paragraph>
        )}
      </Card>
      <FormModal<{ targetCount: number; source: string; note?: string }>
        key={editing ? `${editing.countyCode}-${editing.programmeId}` : 'none'}
        open={!!editing}
        title={`${pick('项目目标', 'Target')} · ${editing ? (lang === 'en-US' ? editing.en : editing.zh) : ''} · ${year}`}
        onClose={() => setEditing(null)}
        invalidate={['programmes']}
        initial={{ targetCount: editing?.targetCount ?? undefined, source: editing?.targetSource ?? '' }}
        submit={(v) =>
          programmeApi.putTarget({
            countyCode: editing!.countyCode,
            year,
            programmeId: editing!.programmeId,
            targetCount: v.targetCount,
            source: v.source,
            note: v.note || undefined,
            version: editing!.targetVersion ?? undefined,
          })
        }
      >
        <Form.Item
          name="targetCount"
          label={`${pick('年度目标数', 'Annual target')}（${editing ? unit(editing.unit) : ''}）`}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} precision={0} style={{ width: 200 }} data-testid="programme-target" />
        </Form.Item>
        <Form.Item
          name="source"
          label={pick('目标来源（文件名或文号）', 'Source (document)')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={pick('备注', 'Note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
