/** The forms of the work-plan pages: a task (with target and units) and a progress report (with evidence). */
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
  Upload,
  App as AntApp,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { WORK_TASK_STATUS_LABELS, WORK_TASK_STATUSES } from '@fuyou/core';
import { newUuid } from '../../api/client';
import { InstitutionSelect } from '../../components/institution-select';
import { useI18n } from '../../i18n/i18n-provider';
import { useCatalogue } from '../indicators/indicator-widgets';
import { FormModal } from '../women/form-modal';
import { workPlansApi, type WorkTask } from './workplans.api';

const MAX_BYTES = 5 * 1024 * 1024;
const ALLOWED = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

interface TaskForm {
  section?: string;
  code?: string;
  title: string;
  description?: string;
  deadline?: Dayjs | null;
  deadlineNote?: string;
  targetKind: 'none' | 'indicator' | 'count';
  indicatorId?: string;
  indicatorPeriod?: string;
  targetScope?: 'region' | 'each_county';
  comparator?: string;
  targetValue?: number;
  targetUnit?: string;
  units: { name: string; institutionId?: string | null; lead?: boolean }[];
}

/** Adds a task to a plan, or edits one. */
export function TaskFormModal(props: { open: boolean; onClose(): void; planId: string; task?: WorkTask | null }) {
  const { pick } = useI18n();
  const catalogue = useCatalogue();
  const [form] = Form.useForm<TaskForm>();
  const kind = Form.useWatch('targetKind', form);
  const t = props.task;
  const initial: Partial<TaskForm> = t
    ? {
        section: t.section ?? '',
        code: t.code ?? '',
        title: t.title,
        description: t.description ?? '',
        deadline: t.deadline ? dayjs(t.deadline) : null,
        deadlineNote: t.deadlineNote ?? '',
        targetKind: t.targetKind,
        ...(t.indicatorId ? { indicatorId: t.indicatorId } : {}),
        ...(t.indicatorPeriod ? { indicatorPeriod: t.indicatorPeriod } : {}),
        targetScope: t.targetScope,
        ...(t.comparator ? { comparator: t.comparator } : {}),
        ...(t.targetValue !== null ? { targetValue: t.targetValue } : {}),
        targetUnit: t.targetUnit ?? '',
        units: t.units.map((u) => ({ name: u.name, institutionId: u.institutionId, lead: u.lead })),
      }
    : { targetKind: 'none', targetScope: 'region', units: [{ name: '', lead: true }] };
  return (
    <FormModal<TaskForm>
      open={props.open}
      title={t ? pick('修改任务', 'Edit task') : pick('新增任务', 'New task')}
      onClose={props.onClose}
      form={form}
      initial={initial}
      invalidate={['workplans']}
      submit={(v) => {
        const body = {
          ...(v.section ? { section: v.section } : {}),
          ...(v.code ? { code: v.code } : {}),
          title: v.title,
          ...(v.description ? { description: v.description } : {}),
          deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
          ...(v.deadlineNote ? { deadlineNote: v.deadlineNote } : {}),
          targetKind: v.targetKind,
          ...(v.targetKind === 'indicator'
            ? { indicatorId: v.indicatorId ?? null, indicatorPeriod: v.indicatorPeriod || null }
            : {}),
          ...(v.targetKind !== 'none'
            ? {
                comparator: v.comparator ?? null,
                targetValue: v.targetValue ?? null,
                targetScope: v.targetScope ?? 'region',
              }
            : {}),
          ...(v.targetKind === 'count' && v.targetUnit ? { targetUnit: v.targetUnit } : {}),
          units: v.units.map((u) => ({ name: u.name, institutionId: u.institutionId ?? null, lead: !!u.lead })),
        };
        return t
          ? workPlansApi.updateTask(t.id, { ...body, rowVersion: t.rowVersion })
          : workPlansApi.addTask(props.planId, { id: newUuid(), ...body });
      }}
    >
      <Space.Compact block>
        <Form.Item name="code" label={pick('编号', 'Number')} style={{ width: 120 }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="section" label={pick('章节', 'Section')} style={{ flex: 1 }}>
          <Input maxLength={200} />
        </Form.Item>
      </Space.Compact>
      <Form.Item
        name="title"
        label={pick('任务', 'Task')}
        rules={[{ required: true, whitespace: true, message: pick('请填写任务', 'Enter the task') }]}
      >
        <Input maxLength={300} data-testid="task-title" />
      </Form.Item>
      <Form.Item name="description" label={pick('内容', 'Description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="deadline" label={pick('完成时限', 'Deadline')}>
          <DatePicker data-testid="task-deadline" />
        </Form.Item>
        <Form.Item name="deadlineNote" label={pick('时限说明', 'Deadline note')} style={{ flex: 1 }}>
          <Input maxLength={200} placeholder={pick('如：6月底前', 'e.g. by the end of June')} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="targetKind" label={pick('量化目标', 'Target')}>
        <Radio.Group
          options={[
            { value: 'none', label: pick('无', 'None') },
            { value: 'indicator', label: pick('指标', 'Indicator') },
            { value: 'count', label: pick('数量', 'Count') },
          ]}
          data-testid="task-target-kind"
        />
      </Form.Item>
      {kind === 'indicator' && (
        <>
          <Form.Item
            name="indicatorId"
            label={pick('指标', 'Indicator')}
            rules={[{ required: true, message: pick('请选择指标', 'Choose an indicator') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="task-indicator"
              options={(catalogue.data ?? []).map((d) => ({ value: d.id, label: pick(d.nameZh, d.nameEn) }))}
            />
          </Form.Item>
          <Form.Item
            name="indicatorPeriod"
            label={pick('统计周期（留空为计划年度的报告年度）', 'Period (empty: the plan year’s report year)')}
          >
            <Input placeholder="2026RY / 2026 / 2026Q2" maxLength={10} />
          </Form.Item>
        </>
      )}
      {kind && kind !== 'none' && (
        <Space wrap>
          <Form.Item
            name="comparator"
            label={pick('比较', 'Comparator')}
            rules={[{ required: true, message: pick('请选择', 'Choose') }]}
          >
            <Select
              style={{ width: 180 }}
              options={[
                { value: '>=', label: '≥' },
                { value: '>', label: '>' },
                { value: '<=', label: '≤' },
                { value: '<', label: '<' },
                ...(kind === 'indicator'
                  ? [{ value: 'no_avoidable_maternal_death', label: pick('不发生可避免死亡', 'No avoidable death') }]
                  : []),
              ]}
            />
          </Form.Item>
          <Form.Item
            name="targetValue"
            label={pick('目标值', 'Value')}
            rules={[{ required: true, message: pick('请填写目标值', 'Enter the value') }]}
          >
            <InputNumber min={0} data-testid="task-target-value" />
          </Form.Item>
          {kind === 'count' && (
            <Form.Item name="targetUnit" label={pick('单位', 'Unit')}>
              <Input maxLength={40} style={{ width: 120 }} />
            </Form.Item>
          )}
          <Form.Item name="targetScope" label={pick('适用范围', 'Scope')}>
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'region', label: pick('整个地区', 'The region') },
                { value: 'each_county', label: pick('各县区分别', 'Each county') },
              ]}
            />
          </Form.Item>
        </Space>
      )}
      <Typography.Text strong>{pick('责任单位', 'Responsible units')}</Typography.Text>
      <Form.List name="units">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: pick('请填写单位名称', 'Enter the name') }]}
                >
                  <Input
                    placeholder={pick('单位名称（按文件）', 'Name (as in the document)')}
                    maxLength={100}
                    style={{ width: 200 }}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'institutionId']} style={{ width: 240 }}>
                  <InstitutionSelect />
                </Form.Item>
                <Form.Item name={[f.name, 'lead']} valuePropName="checked">
                  <Checkbox>{pick('牵头', 'Lead')}</Checkbox>
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
              {pick('添加责任单位', 'Add a unit')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

interface ProgressForm {
  reportedOn: Dayjs;
  note: string;
  progressPct?: number;
  countValue?: number;
  statusAfter?: string;
  evidenceLink?: string;
}

/** Reports progress on a task: text, percentage, a count for count targets, a link and a file as evidence. */
export function ProgressFormModal(props: { open: boolean; onClose(): void; task: WorkTask | null }) {
  const { pick } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ProgressForm>();
  const [file, setFile] = useState<{ filename: string; contentType: string; contentBase64: string } | null>(null);
  const t = props.task;
  if (!t) return null;
  return (
    <FormModal<ProgressForm>
      open={props.open}
      title={pick(`报告进展：${t.title}`, `Report progress: ${t.title}`)}
      onClose={() => {
        setFile(null);
        props.onClose();
      }}
      form={form}
      initial={{ reportedOn: dayjs(), progressPct: t.progressPct }}
      invalidate={['workplans']}
      submit={async (v) => {
        await workPlansApi.report(t.id, {
          id: newUuid(),
          reportedOn: v.reportedOn.format('YYYY-MM-DD'),
          note: v.note,
          ...(v.progressPct !== undefined && v.progressPct !== null ? { progressPct: v.progressPct } : {}),
          ...(v.countValue !== undefined && v.countValue !== null ? { countValue: v.countValue } : {}),
          ...(v.statusAfter ? { statusAfter: v.statusAfter } : {}),
          ...(v.evidenceLink ? { evidenceLink: v.evidenceLink } : {}),
          ...(file ? { attachment: file } : {}),
        });
        setFile(null);
        void message.success(pick('进展已报告', 'Progress reported'));
      }}
    >
      <Form.Item
        name="reportedOn"
        label={pick('报告日期', 'Date')}
        rules={[{ required: true, message: pick('请选择日期', 'Choose a date') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="note"
        label={pick('进展说明', 'Progress')}
        rules={[{ required: true, whitespace: true, message: pick('请填写进展说明', 'Describe the progress') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} data-testid="progress-note" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="progressPct" label={pick('完成进度（%）', 'Done (%)')}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        {t.targetKind === 'count' && (
          <Form.Item
            name="countValue"
            label={pick(
              `完成数量（目标 ${t.targetValue ?? ''}${t.targetUnit ?? ''}）`,
              `Count (target ${t.targetValue ?? ''})`,
            )}
          >
            <InputNumber min={0} data-testid="progress-count" />
          </Form.Item>
        )}
        <Form.Item name="statusAfter" label={pick('报告后状态', 'Status after')}>
          <Select
            allowClear
            style={{ width: 140 }}
            data-testid="progress-status"
            options={WORK_TASK_STATUSES.map((s) => ({
              value: s,
              label: pick(WORK_TASK_STATUS_LABELS[s].zh, WORK_TASK_STATUS_LABELS[s].en),
            }))}
          />
        </Form.Item>
      </Space>
      <Form.Item
        name="evidenceLink"
        label={pick('佐证链接', 'Evidence link')}
        rules={[{ pattern: /^https?:\/\/\S+$/i, message: pick('应为 http(s) 网址', 'Must be an http(s) address') }]}
      >
        <Input placeholder="https://" maxLength={1000} />
      </Form.Item>
      <Form.Item
        label={pick(
          '佐证附件（PDF、图片、Word、Excel、TXT，≤5MB）',
          'Evidence file (PDF, image, Word, Excel, TXT, ≤5 MB)',
        )}
      >
        <Upload
          maxCount={1}
          accept={ALLOWED.join(',')}
          fileList={file ? [{ uid: '1', name: file.filename, status: 'done' }] : []}
          onRemove={() => setFile(null)}
          beforeUpload={(f) => {
            if (!ALLOWED.includes(f.type)) {
              void message.error(pick('不支持该文件类型', 'This file type is not accepted'));
              return Upload.LIST_IGNORE;
            }
            if (f.size > MAX_BYTES) {
              void message.error(pick('附件不能超过5MB', 'The file exceeds 5 MB'));
              return Upload.LIST_IGNORE;
            }
            const reader = new FileReader();
            reader.onload = () => {
              const data = String(reader.result);
              setFile({ filename: f.name, contentType: f.type, contentBase64: data.slice(data.indexOf(',') + 1) });
            };
            reader.readAsDataURL(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{pick('选择文件', 'Choose a file')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
