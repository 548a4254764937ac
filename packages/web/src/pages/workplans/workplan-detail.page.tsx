import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Empty,
  InputNumber,
  List,
  Popconfirm,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { WORK_PLAN_STATUS_LABELS, WORK_TASK_STATUS_LABELS } from '@fuyou/core';
import { ApiError } from '../../api/client';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { workPlansApi, type UnitGroup, type WorkTask } from './workplans.api';
import { CurrentValue, EvaluationTag, StatusTag, TimingTag, targetText } from './workplan-widgets';
import { ProgressFormModal, TaskFormModal } from './workplan-forms';

const overdueRow = (t: WorkTask, focus: string | null) => ({
  style: {
    ...(t.timing === 'overdue' ? { background: '#fff1f0' } : {}),
    ...(t.id === focus ? { outline: '2px solid #1677ff' } : {}),
  },
});

/** 工作计划详情: the tasks by section with deadlines, targets and live values; progress; the view per unit. */
export function WorkPlanDetailPage() {
  const { pick, lang } = useI18n();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { showError } = useApiFeedback();
  const errorText = useErrorText();
  const evalYear = params.get('year') ? Number(params.get('year')) : undefined;
  const focus = params.get('task');
  const q = useQuery({
    queryKey: ['workplans', 'plan', id, evalYear],
    queryFn: () => workPlansApi.get(id, evalYear),
    retry: false,
  });
  const units = useQuery({
    queryKey: ['workplans', 'units', id],
    queryFn: () => workPlansApi.units(id),
    enabled: !!q.data,
  });
  const [editing, setEditing] = useState<WorkTask | null | 'new'>(null);
  const [reporting, setReporting] = useState<WorkTask | null>(null);
  const [history, setHistory] = useState<WorkTask | null>(null);
  const progress = useQuery({
    queryKey: ['workplans', 'progress', history?.id],
    queryFn: () => workPlansApi.progress(history!.id),
    enabled: !!history,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['workplans'] });
  const removeTask = useMutation({
    mutationFn: (t: WorkTask) => workPlansApi.removeTask(t.id, t.rowVersion),
    onSuccess: () => {
      void message.success(pick('任务已删除', 'Task deleted'));
      refresh();
    },
    onError: showError,
  });
  const setPlanStatus = useMutation({
    mutationFn: (status: 'active' | 'closed') =>
      workPlansApi.update(id, { status, rowVersion: q.data!.plan.rowVersion }),
    onSuccess: refresh,
    onError: showError,
  });
  const removePlan = useMutation({
    mutationFn: () => workPlansApi.remove(id, q.data!.plan.rowVersion),
    onSuccess: () => {
      void message.success(pick('计划已删除', 'Plan deleted'));
      refresh();
      navigate('/work-plans');
    },
    onError: showError,
  });
  const sections = useMemo(() => {
    const out: { section: string; tasks: WorkTask[] }[] = [];
    for (const t of q.data?.tasks ?? []) {
      const s = t.section ?? pick('（未分章节）', '(no section)');
      const last = out.at(-1);
      if (last && last.section === s) last.tasks.push(t);
      else out.push({ section: s, tasks: [t] });
    }
    return out;
  }, [q.data, pick]);

  if (q.error)
    return (
      <Alert
        type={q.error instanceof ApiError && q.error.status < 500 ? 'warning' : 'error'}
        message={errorText(q.error)}
      />
    );
  if (!q.data) return <Card loading />;
  const { plan, tasks } = q.data;
  const c = plan.counts;
  const columns = [
    { title: pick('编号', 'No.'), width: 80, render: (_: unknown, t: WorkTask) => t.code ?? t.seq },
    {
      title: pick('任务', 'Task'),
      width: 340,
      render: (_: unknown, t: WorkTask) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{t.title}</Typography.Text>
          {t.description && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, expandable: true, symbol: pick('展开', 'more') }}
              style={{ marginBottom: 0, fontSize: 12 }}
            >
              {t.description}
            </Typography.Paragraph>
          )}
        </Space>
      ),
    },
    {
      title: pick('责任单位', 'Units'),
      width: 240,
      render: (_: unknown, t: WorkTask) => (
        <Space size={[4, 4]} wrap>
          {t.units.map((u) => (
            <Tag key={u.seq} color={u.lead ? 'blue' : undefined} title={u.name}>
              {u.lead ? '★' : ''}
              {u.institutionName ?? u.name}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: pick('时限', 'Deadline'),
      width: 130,
      render: (_: unknown, t: WorkTask) => (
        <Space direction="vertical" size={0}>
          <span>{t.deadline ?? '—'}</span>
          <TimingTag timing={t.timing} daysOverdue={t.daysOverdue} />
        </Space>
      ),
    },
    {
      title: pick('状态', 'Status'),
      width: 120,
      render: (_: unknown, t: WorkTask) => (
        <Space direction="vertical" size={0}>
          <StatusTag status={t.status} />
          <Progress percent={t.progressPct} size="small" />
        </Space>
      ),
    },
    {
      title: pick('目标', 'Target'),
      width: 170,
      render: (_: unknown, t: WorkTask) =>
        t.targetKind === 'none' ? (
          '—'
        ) : (
          <Space direction="vertical" size={0}>
            {t.indicatorNameZh && (
              <Typography.Text style={{ fontSize: 12 }}>
                {pick(t.indicatorNameZh, t.indicatorNameEn ?? '')}
              </Typography.Text>
            )}
            <span>{targetText(t, pick, lang)}</span>
          </Space>
        ),
    },
    {
      title: pick('当前值', 'Current'),
      width: 150,
      render: (_: unknown, t: WorkTask) => (
        <Space direction="vertical" size={0}>
          <CurrentValue task={t} />
          <EvaluationTag evaluation={t.evaluation} />
        </Space>
      ),
    },
    {
      title: pick('最近进展', 'Latest'),
      width: 180,
      render: (_: unknown, t: WorkTask) =>
        t.lastProgress ? (
          <Typography.Link onClick={() => setHistory(t)} data-testid="task-last-progress">
            {t.lastProgress.reportedOn} · {t.lastProgress.note.slice(0, 24)}
            {t.progressCount > 1 ? pick(`（共${t.progressCount}条）`, ` (${t.progressCount})`) : ''}
          </Typography.Link>
        ) : (
          <Typography.Text type="secondary">{pick('暂无', 'none')}</Typography.Text>
        ),
    },
    {
      title: pick('操作', 'Actions'),
      width: 150,
      render: (_: unknown, t: WorkTask) => (
        <Space size={4} wrap>
          {t.canReport && (
            <Button size="small" type="primary" onClick={() => setReporting(t)} data-testid="task-report">
              {pick('报告进展', 'Report')}
            </Button>
          )}
          {plan.canEdit && (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(t)}
              aria-label={pick('修改', 'Edit')}
            />
          )}
          {plan.canEdit && t.progressCount === 0 && (
            <Popconfirm
              title={pick('删除该任务？此操作不可撤销', 'Delete this task? This cannot be undone')}
              onConfirm={() => removeTask.mutate(t)}
              okText={pick('删除', 'Delete')}
              cancelText={pick('取消', 'Cancel')}
            >
              <Button size="small" danger>
                {pick('删除', 'Delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={plan.title}
        subTitle={[plan.regionName, plan.issuer, plan.documentNo, plan.issuedOn].filter(Boolean).join(' · ')}
        breadcrumb={[{ title: pick('工作计划', 'Work plans'), to: '/work-plans' }, { title: plan.title }]}
        extra={
          <>
            <Space.Compact>
              <Button disabled>{pick('评估年度', 'Evaluate in')}</Button>
              <InputNumber
                min={2000}
                max={2100}
                value={q.data.evalYear}
                onChange={(y) => {
                  const next = new URLSearchParams(params);
                  if (y && y !== plan.year) next.set('year', String(y));
                  else next.delete('year');
                  setParams(next, { replace: true });
                }}
                data-testid="plan-eval-year"
              />
            </Space.Compact>
            <Button icon={<DownloadOutlined />} href={workPlansApi.exportUrl(id, evalYear)}>
              {pick('导出Excel', 'Export xlsx')}
            </Button>
            {plan.canEdit && (
              <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="task-add">
                {pick('新增任务', 'Add task')}
              </Button>
            )}
            {plan.canEdit && (
              <Popconfirm
                title={
                  plan.status === 'closed'
                    ? pick('重新开启该计划？', 'Reopen this plan?')
                    : pick('结束该计划？结束后不能再报告进展', 'Close this plan? No more progress can be reported')
                }
                onConfirm={() => setPlanStatus.mutate(plan.status === 'closed' ? 'active' : 'closed')}
                okText={pick('确定', 'OK')}
                cancelText={pick('取消', 'Cancel')}
              >
                <Button>
                  {plan.status === 'closed' ? pick('重新开启', 'Reopen') : pick('结束计划', 'Close plan')}
                </Button>
              </Popconfirm>
            )}
            {plan.canEdit && tasks.every((t) => t.progressCount === 0) && (
              <Popconfirm
                title={pick(
                  '删除整个计划及其任务？此操作不可撤销',
                  'Delete the plan and its tasks? This cannot be undone',
                )}
                onConfirm={() => removePlan.mutate()}
                okText={pick('删除', 'Delete')}
                cancelText={pick('取消', 'Cancel')}
              >
                <Button danger>{pick('删除计划', 'Delete plan')}</Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={pick('任务', 'Tasks')} value={c.total} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={pick('已完成', 'Done')} value={c.done} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic
              title={pick('已逾期', 'Overdue')}
              value={c.overdue}
              valueStyle={c.overdue ? { color: '#cf1322' } : {}}
              data-testid="plan-overdue-count"
            />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={pick('即将到期', 'Due soon')} value={c.dueSoon} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={pick('状态', 'Status')}>
                {pick(WORK_PLAN_STATUS_LABELS[plan.status].zh, WORK_PLAN_STATUS_LABELS[plan.status].en)}
              </Descriptions.Item>
              <Descriptions.Item label={pick('来源', 'Source')}>{plan.source ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      {plan.summary && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
          {plan.summary}
        </Typography.Paragraph>
      )}
      <Tabs
        items={[
          {
            key: 'tasks',
            label: pick('任务', 'Tasks'),
            children: sections.length ? (
              sections.map((s) => (
                <Card key={s.section} title={s.section} size="small" style={{ marginBottom: 16 }}>
                  <Table<WorkTask>
                    rowKey="id"
                    size="small"
                    dataSource={s.tasks}
                    pagination={false}
                    columns={columns}
                    onRow={(t) => overdueRow(t, focus)}
                    scroll={{ x: 1580 }}
                    data-testid="plan-tasks"
                  />
                </Card>
              ))
            ) : (
              <Empty description={pick('尚无任务', 'No task yet')} />
            ),
          },
          {
            key: 'units',
            label: pick('按责任单位', 'By responsible unit'),
            children: (
              <List<UnitGroup>
                loading={units.isLoading}
                dataSource={units.data ?? []}
                data-testid="plan-units"
                renderItem={(g) => (
                  <Card
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={
                      <Space>
                        {g.institutionName ?? g.name}
                        {g.institutionName && g.institutionName !== g.name && (
                          <Typography.Text type="secondary">（{g.name}）</Typography.Text>
                        )}
                      </Space>
                    }
                    extra={
                      <Space>
                        <Tag>{pick(`任务 ${g.counts.total}`, `${g.counts.total} tasks`)}</Tag>
                        <Tag color="blue">{pick(`牵头 ${g.leadCount}`, `${g.leadCount} led`)}</Tag>
                        <Tag color="green">{pick(`完成 ${g.counts.done}`, `${g.counts.done} done`)}</Tag>
                        {g.counts.overdue > 0 && (
                          <Tag color="red">{pick(`逾期 ${g.counts.overdue}`, `${g.counts.overdue} overdue`)}</Tag>
                        )}
                      </Space>
                    }
                  >
                    <Table
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={g.tasks}
                      onRow={(t) => overdueRow(t, focus)}
                      columns={[
                        { title: pick('编号', 'No.'), width: 80, render: (_, t) => t.code ?? t.seq },
                        { title: pick('任务', 'Task'), render: (_, t) => `${t.lead ? '★ ' : ''}${t.title}` },
                        { title: pick('时限', 'Deadline'), width: 110, dataIndex: 'deadline' },
                        {
                          title: pick('时限情况', 'Timing'),
                          width: 110,
                          render: (_, t) => <TimingTag timing={t.timing} daysOverdue={t.daysOverdue} />,
                        },
                        { title: pick('状态', 'Status'), width: 90, render: (_, t) => <StatusTag status={t.status} /> },
                      ]}
                    />
                  </Card>
                )}
              />
            ),
          },
        ]}
      />
      <TaskFormModal
        open={editing !== null}
        onClose={() => setEditing(null)}
        planId={id}
        task={editing === 'new' ? null : editing}
      />
      <ProgressFormModal open={reporting !== null} onClose={() => setReporting(null)} task={reporting} />
      <Drawer open={!!history} onClose={() => setHistory(null)} title={history?.title} width={520}>
        <List
          loading={progress.isLoading}
          dataSource={progress.data ?? []}
          data-testid="progress-history"
          renderItem={(p) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <strong>{p.reportedOn}</strong>
                  <span>{p.institutionName ?? p.unitName ?? ''}</span>
                  {p.statusAfter && (
                    <Tag>
                      {pick(WORK_TASK_STATUS_LABELS[p.statusAfter].zh, WORK_TASK_STATUS_LABELS[p.statusAfter].en)}
                    </Tag>
                  )}
                  {p.progressPct !== null && <Tag>{p.progressPct}%</Tag>}
                  {p.countValue !== null && <Tag>{pick(`数量 ${p.countValue}`, `count ${p.countValue}`)}</Tag>}
                </Space>
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                  {p.note}
                </Typography.Paragraph>
                {p.evidenceLink && (
                  <a href={p.evidenceLink} target="_blank" rel="noreferrer noopener">
                    {p.evidenceLink}
                  </a>
                )}
                {p.attachments.map((a) => (
                  <a key={a.id} href={workPlansApi.attachmentUrl(a.id)}>
                    📎 {a.filename}（{Math.ceil(a.sizeBytes / 1024)} KB）
                  </a>
                ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.createdByName} · {new Date(p.createdAt).toLocaleString(lang)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
