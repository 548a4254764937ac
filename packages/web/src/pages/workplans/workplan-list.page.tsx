import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Progress, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { WORK_PLAN_STATUS_LABELS } from '@fuyou/core';
import { newUuid } from '../../api/client';
import { useCurrentUser, useHasPermission } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { RegionPicker } from '../../components/region-picker';
import { useI18n } from '../../i18n/i18n-provider';
import { FormModal } from '../women/form-modal';
import { workPlansApi, type WorkPlan, type WorkTask } from './workplans.api';
import { TimingTag, StatusTag } from './workplan-widgets';

/** 工作计划: the plans of the user's region with their progress and overdue tasks; her institution's tasks. */
export function WorkPlanListPage() {
  const { pick } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const canWrite = useHasPermission('workplan.write');
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{
    regionCode: string;
    year: number;
    title: string;
    issuer?: string;
    documentNo?: string;
    summary?: string;
  }>();
  const plans = useQuery({ queryKey: ['workplans', 'list'], queryFn: () => workPlansApi.list() });
  const mine = useQuery({
    queryKey: ['workplans', 'mine'],
    queryFn: workPlansApi.myTasks,
    enabled: !!me.institutionId,
  });
  const myOpen = (mine.data ?? []).filter((t) => t.status !== 'done' && t.status !== 'cancelled');
  return (
    <>
      <PageHeader
        title={pick('工作计划', 'Work plans')}
        subTitle={pick(
          '工作要点与实施方案：任务、责任单位、完成时限、量化目标与进展',
          'Work plans: tasks, responsible units, deadlines, measurable targets and progress',
        )}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">
              {pick('新建计划', 'New plan')}
            </Button>
          )
        }
      />
      {me.institutionId && myOpen.length > 0 && (
        <Card
          title={pick(`本机构负责的未完成任务（${myOpen.length}）`, `Open tasks of my institution (${myOpen.length})`)}
          size="small"
          style={{ marginBottom: 16 }}
        >
          <Table<WorkTask>
            size="small"
            rowKey="id"
            dataSource={myOpen}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            data-testid="my-tasks"
            onRow={(t) => ({ style: t.timing === 'overdue' ? { background: '#fff1f0' } : {} })}
            columns={[
              { title: pick('计划', 'Plan'), dataIndex: 'planTitle' },
              {
                title: pick('任务', 'Task'),
                render: (_, t) => (
                  <Link to={`/work-plans/${t.planId}?task=${t.id}`}>{`${t.code ?? ''} ${t.title}`}</Link>
                ),
              },
              { title: pick('时限', 'Deadline'), dataIndex: 'deadline' },
              { title: pick('状态', 'Status'), render: (_, t) => <StatusTag status={t.status} /> },
              {
                title: pick('时限情况', 'Timing'),
                render: (_, t) => <TimingTag timing={t.timing} daysOverdue={t.daysOverdue} />,
              },
            ]}
          />
        </Card>
      )}
      <Card>
        <Table<WorkPlan>
          rowKey="id"
          loading={plans.isLoading}
          dataSource={plans.data ?? []}
          data-testid="plans-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: pick('计划', 'Plan'),
              render: (_, p) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/work-plans/${p.id}`} data-testid="plan-link">
                    {p.title}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[p.issuer, p.documentNo, p.issuedOn].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: pick('地区', 'Region'), dataIndex: 'regionName' },
            { title: pick('年度', 'Year'), dataIndex: 'year' },
            {
              title: pick('状态', 'Status'),
              dataIndex: 'status',
              render: (s: WorkPlan['status']) => (
                <Tag>{pick(WORK_PLAN_STATUS_LABELS[s].zh, WORK_PLAN_STATUS_LABELS[s].en)}</Tag>
              ),
            },
            {
              title: pick('完成', 'Done'),
              render: (_, p) => (
                <Progress
                  percent={
                    p.counts.total ? Math.round((p.counts.done / (p.counts.total - p.counts.cancelled || 1)) * 100) : 0
                  }
                  size="small"
                  format={() => `${p.counts.done}/${p.counts.total - p.counts.cancelled}`}
                />
              ),
            },
            {
              title: pick('逾期', 'Overdue'),
              render: (_, p) =>
                p.counts.overdue ? (
                  <Tag color="red" data-testid="plan-overdue">
                    {p.counts.overdue}
                  </Tag>
                ) : (
                  0
                ),
            },
            { title: pick('即将到期', 'Due soon'), render: (_, p) => p.counts.dueSoon },
          ]}
        />
      </Card>
      <FormModal
        open={creating}
        title={pick('新建工作计划', 'New work plan')}
        onClose={() => setCreating(false)}
        form={form}
        initial={{
          year: new Date().getFullYear(),
          ...(me.jurisdictionCode ? { regionCode: me.jurisdictionCode } : {}),
        }}
        invalidate={['workplans']}
        submit={async (v) => {
          const p = await workPlansApi.create({ id: newUuid(), ...v });
          navigate(`/work-plans/${p.id}`);
        }}
      >
        <Form.Item
          name="regionCode"
          label={pick('地区', 'Region')}
          rules={[{ required: true, message: pick('请选择地区', 'Choose a region') }]}
        >
          <RegionPicker maxLevel="county" />
        </Form.Item>
        <Form.Item
          name="year"
          label={pick('年度', 'Year')}
          rules={[{ required: true, message: pick('请填写年度', 'Enter the year') }]}
        >
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="title"
          label={pick('标题', 'Title')}
          rules={[{ required: true, message: pick('请填写标题', 'Enter a title') }]}
        >
          <Input maxLength={200} data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="issuer" label={pick('发文单位', 'Issuer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="documentNo" label={pick('文号', 'Document number')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="summary" label={pick('摘要', 'Summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
