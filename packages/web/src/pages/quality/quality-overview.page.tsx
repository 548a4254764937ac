import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlayCircleOutlined, UnorderedListOutlined, SettingOutlined } from '@ant-design/icons';
import { PageHeader } from '../../components/page-header';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { qualityApi, type QualityRun, type RuleSummaryRow, type ScoreRow } from './quality.api';
import {
  QualityRegionSelect,
  ScoreTag,
  SeverityTag,
  TrendChart,
  kindLabel,
  recordTypeLabel,
  useQualityHome,
} from './quality-widgets';

const STATUS_COLOURS: Record<QualityRun['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** 数据质控: run now, scores by county or institution, the trend, the rules that fail most, recent runs. */
export function QualityOverviewPage() {
  const { pick, lang } = useI18n();
  const { message } = AntApp.useApp();
  const { showError } = useApiFeedback();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const home = useQualityHome();
  const region = params.get('region') ?? home.data?.regionCode ?? '';
  const [groupBy, setGroupBy] = useState<'county' | 'institution'>('county');
  const runs = useQuery({
    queryKey: ['quality', 'runs', region],
    queryFn: () => qualityApi.runs(region, 1, 10),
    enabled: !!region,
    // poll while a run is queued or running, so the page shows the result when the job runner finishes
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 3000 : false,
  });
  const pending = runs.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ?? false;
  const latestFinish = runs.data?.items.find((r) => r.status === 'done')?.finishedAt ?? '';
  const scores = useQuery({
    queryKey: ['quality', 'scores', region, groupBy, latestFinish],
    queryFn: () => qualityApi.scores(region, groupBy),
    enabled: !!region,
  });
  const trend = useQuery({
    queryKey: ['quality', 'trend', region, latestFinish],
    queryFn: () => qualityApi.trend(region, 90),
    enabled: !!region,
  });
  const summary = useQuery({
    queryKey: ['quality', 'rule-summary', region, latestFinish],
    queryFn: () => qualityApi.ruleSummary(region),
    enabled: !!region,
  });
  const run = useMutation({
    mutationFn: () => qualityApi.run(region),
    onSuccess: (r) => {
      void message.success(
        pick(
          `已为 ${r.length} 个县区排队运行质控，完成后自动刷新`,
          `Queued ${r.length} county run(s); the page refreshes when done`,
        ),
      );
      void qc.invalidateQueries({ queryKey: ['quality', 'runs'] });
    },
    onError: showError,
  });
  const problemsLink = (extra: Record<string, string> = {}) =>
    `/quality/problems?${new URLSearchParams({ region, ...extra }).toString()}`;
  const fmtTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString(lang) : '—');
  const failing = (summary.data ?? []).filter((r) => r.failed > 0).sort((a, b) => b.weightedFailed - a.weightedFailed);

  return (
    <>
      <PageHeader
        title={pick('数据质控', 'Data quality')}
        subTitle={pick(
          '完整性、及时性、逻辑性、重复与跨业务一致性检查；每晚自动运行，也可立即运行',
          'Completeness, timeliness, logic, duplicate and cross-source checks; nightly, or now',
        )}
        extra={
          <>
            {home.data && (
              <QualityRegionSelect home={home.data} value={region} onChange={(c) => setParams({ region: c })} />
            )}
            {home.data?.canRun && (
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={run.isPending}
                disabled={!region || pending}
                onClick={() => run.mutate()}
                data-testid="quality-run-now"
              >
                {pending ? pick('运行中…', 'Running…') : pick('立即运行', 'Run now')}
              </Button>
            )}
            <Link to={problemsLink()}>
              <Button icon={<UnorderedListOutlined />} data-testid="quality-problems-link">
                {pick('问题清单', 'Problems')}
              </Button>
            </Link>
            <Link to={`/quality/rules?region=${region}`}>
              <Button icon={<SettingOutlined />}>{pick('规则与配置', 'Rules and settings')}</Button>
            </Link>
          </>
        }
      />
      {pending && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={pick('质控正在运行，完成后本页自动更新', 'A run is in progress; this page updates when it finishes')}
          data-testid="quality-pending"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card style={{ marginBottom: 16 }} loading={scores.isLoading}>
            {scores.data && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {scores.data.region.countyName} · {pick('质控得分', 'Quality score')}
                </Typography.Text>
                <Statistic
                  value={scores.data.region.score ?? '—'}
                  precision={scores.data.region.score === null ? undefined : 1}
                  data-testid="quality-region-score"
                />
                <Typography.Text type="secondary">
                  {pick(
                    `检查 ${scores.data.region.checks} 项次，问题 ${scores.data.region.problemCount} 个`,
                    `${scores.data.region.checks} checks, ${scores.data.region.problemCount} problems`,
                  )}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pick(
                    '得分 = 100 ×（1 − Σ 权重 × 问题数 ÷ Σ 权重 × 检查数）；错误类规则权重3，提示类1',
                    'Score = 100 × (1 − Σ weight × failed ÷ Σ weight × checked); error rules weigh 3, warnings 1',
                  )}
                </Typography.Text>
              </Space>
            )}
          </Card>
          <Card title={pick('得分趋势（近90天）', 'Trend (90 days)')} size="small" style={{ marginBottom: 16 }}>
            {trend.data?.points.length ? (
              <TrendChart points={trend.data.points} />
            ) : (
              <Empty description={pick('尚无运行', 'No run yet')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            title={pick('得分', 'Scores')}
            style={{ marginBottom: 16 }}
            extra={
              <Segmented
                value={groupBy}
                onChange={(v) => setGroupBy(v as 'county' | 'institution')}
                options={[
                  { value: 'county', label: pick('按县区', 'By county') },
                  { value: 'institution', label: pick('按机构', 'By institution') },
                ]}
                data-testid="quality-groupby"
              />
            }
          >
            <Table<ScoreRow>
              size="small"
              rowKey={(r) => `${r.countyCode}|${r.institutionId ?? ''}`}
              loading={scores.isLoading}
              dataSource={scores.data?.rows ?? []}
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              data-testid="quality-scores"
              columns={[
                {
                  title: groupBy === 'county' ? pick('县区', 'County') : pick('机构', 'Institution'),
                  render: (_, r) =>
                    groupBy === 'county'
                      ? r.countyName
                      : r.institutionId
                        ? (r.institutionName ?? r.institutionId)
                        : pick('（记录未填机构）', '(no institution)'),
                },
                ...(groupBy === 'institution' ? [{ title: pick('县区', 'County'), dataIndex: 'countyName' }] : []),
                {
                  title: pick('得分', 'Score'),
                  dataIndex: 'score',
                  render: (s: number | null) => <ScoreTag score={s} />,
                  sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
                },
                { title: pick('检查项次', 'Checks'), dataIndex: 'checks' },
                {
                  title: pick('问题', 'Problems'),
                  dataIndex: 'problemCount',
                  render: (n: number, r) =>
                    n > 0 ? (
                      <Link
                        to={problemsLink({
                          county: r.countyCode,
                          ...(groupBy === 'institution' ? { institution: r.institutionId || 'none' } : {}),
                        })}
                      >
                        {n}
                      </Link>
                    ) : (
                      n
                    ),
                },
                { title: pick('最近运行', 'Last run'), dataIndex: 'finishedAt', render: fmtTime },
              ]}
            />
          </Card>
          <Card title={pick('问题最多的规则', 'Rules failing most')} size="small" style={{ marginBottom: 16 }}>
            <Table<RuleSummaryRow>
              size="small"
              rowKey="ruleId"
              loading={summary.isLoading}
              dataSource={failing}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="quality-rule-summary"
              columns={[
                {
                  title: pick('规则', 'Rule'),
                  render: (_, r) => <Link to={problemsLink({ rule: r.ruleId })}>{pick(r.nameZh, r.nameEn)}</Link>,
                },
                { title: pick('类别', 'Kind'), render: (_, r) => kindLabel(r.kind, pick) },
                { title: pick('记录', 'Record'), render: (_, r) => recordTypeLabel(r.recordType, pick) },
                { title: pick('程度', 'Severity'), render: (_, r) => <SeverityTag severity={r.severity} /> },
                { title: pick('检查数', 'Checked'), dataIndex: 'checked' },
                { title: pick('问题数', 'Failed'), dataIndex: 'failed' },
                {
                  title: pick('问题率', 'Rate'),
                  dataIndex: 'failRate',
                  render: (x: number | null) => (x === null ? '—' : `${x}%`),
                },
              ]}
            />
          </Card>
          <Card title={pick('运行记录', 'Runs')} size="small">
            <Table<QualityRun>
              size="small"
              rowKey="id"
              loading={runs.isLoading}
              dataSource={runs.data?.items ?? []}
              pagination={false}
              data-testid="quality-runs"
              columns={[
                { title: pick('县区', 'County'), dataIndex: 'countyName' },
                {
                  title: pick('方式', 'Trigger'),
                  dataIndex: 'trigger',
                  render: (t: string) => (t === 'nightly' ? pick('每晚自动', 'Nightly') : pick('手动', 'Manual')),
                },
                {
                  title: pick('状态', 'Status'),
                  dataIndex: 'status',
                  render: (s: QualityRun['status'], r) => (
                    <Tag color={STATUS_COLOURS[s]} title={r.error ?? undefined}>
                      {
                        {
                          queued: pick('排队中', 'Queued'),
                          running: pick('运行中', 'Running'),
                          done: pick('完成', 'Done'),
                          failed: pick('失败', 'Failed'),
                        }[s]
                      }
                    </Tag>
                  ),
                },
                {
                  title: pick('得分', 'Score'),
                  dataIndex: 'score',
                  render: (s: number | null) => <ScoreTag score={s} />,
                },
                { title: pick('问题', 'Problems'), dataIndex: 'problemCount', render: (n: number | null) => n ?? '—' },
                {
                  title: pick('新增/已解决', 'New / resolved'),
                  render: (_, r) => (r.status === 'done' ? `${r.newProblems ?? 0} / ${r.resolvedProblems ?? 0}` : '—'),
                },
                { title: pick('检查期间', 'Window'), render: (_, r) => `${r.windowFrom} ~ ${r.windowTo}` },
                { title: pick('完成时间', 'Finished'), dataIndex: 'finishedAt', render: fmtTime },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
