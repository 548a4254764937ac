import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { useHasPermission } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-provider';
import { ExposureFinalForm, finalStatusKey } from './exposure-final-form';

/** An exposed infant's plan (PMTCT) as the server returns it. */
export interface ExposureView {
  infections: string[];
  duties: {
    code: string;
    zh: string;
    en: string;
    category: string;
    dueBy: string | null;
    dueDate: string | null;
    state: string;
    record: { at: string; result?: string } | null;
  }[];
  finalStatus: Record<
    string,
    {
      status: string;
      decidedOn: string;
      /** Syphilis: the evidence given with the status (mother's titre at delivery '1:8', darkfield/PCR, IgM). */
      evidence?: { motherTitre?: string; darkfieldOrPcr?: string; treponemalIgm?: string };
    }
  >;
  /** Syphilis: the final status by the national congenital-syphilis criteria, with why or what is still needed. */
  suggestedFinal?: {
    syphilis?: { status: string; reasons: { zh: string; en: string }[]; needed: { zh: string; en: string }[] };
  };
  closed: boolean;
  version: number;
}

const STATE: Record<string, [string, string, string]> = {
  done: ['已完成', 'done', 'green'],
  late: ['延迟完成', 'late', 'orange'],
  due: ['应完成', 'due', 'blue'],
  overdue: ['逾期', 'overdue', 'red'],
  upcoming: ['未到期', 'upcoming', 'default'],
};

/** The exposed infant's duties (birth doses, tests) with their state, a way to record each, and the final status. */
export function ExposurePanel(props: { personId: string; exposure: ExposureView; onChange(): void }) {
  const { pick } = useI18n();
  const { showError } = useApiFeedback();
  const pmtct = useHasPermission('pmtct');
  const [at, setAt] = useState<Dayjs | null>(dayjs());
  const [result, setResult] = useState<string | undefined>();
  const record = useMutation({
    mutationFn: (d: ExposureView['duties'][number]) =>
      api.post(`/children/${props.personId}/exposure/records`, {
        code: d.code,
        at: d.dueBy ? at?.format('YYYY-MM-DDTHH:mm') : at?.format('YYYY-MM-DD'),
        result: d.category === 'test' ? result : undefined,
        version: props.exposure.version,
      }),
    onSuccess: props.onChange,
    onError: showError,
  });
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <DatePicker showTime={{ format: 'HH:mm' }} value={at} onChange={setAt} />
        <Select
          allowClear
          placeholder={pick('检测结果', 'Test result')}
          style={{ width: 140 }}
          value={result}
          onChange={setResult}
          options={[
            { value: 'negative', label: pick('阴性', 'Negative') },
            { value: 'positive', label: pick('阳性', 'Positive') },
            { value: 'indeterminate', label: pick('不确定', 'Indeterminate') },
          ]}
        />
        <Input disabled value={props.exposure.infections.join(' / ').toUpperCase()} style={{ width: 200 }} />
      </Space>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={props.exposure.duties}
        data-testid="exposure-duties"
        columns={[
          { title: pick('事项', 'Duty'), render: (_: unknown, d) => pick(d.zh, d.en) },
          { title: pick('时限/日期', 'Due'), render: (_: unknown, d) => d.dueBy ?? d.dueDate ?? '—' },
          {
            title: pick('状态', 'State'),
            render: (_: unknown, d) => {
              const s = STATE[d.state] ?? [d.state, d.state, 'default'];
              return <Tag color={s[2]}>{pick(s[0], s[1])}</Tag>;
            },
          },
          {
            title: pick('完成', 'Done'),
            render: (_: unknown, d) => (d.record ? `${d.record.at} ${d.record.result ?? ''}` : ''),
          },
          {
            title: '',
            render: (_: unknown, d) =>
              !d.record && (d.dueBy || d.dueDate) ? (
                <Button size="small" loading={record.isPending} onClick={() => record.mutate(d)}>
                  {pick('记录', 'Record')}
                </Button>
              ) : null,
          },
        ]}
      />
      {props.exposure.suggestedFinal?.syphilis && (
        <SyphilisSuggestion suggestion={props.exposure.suggestedFinal.syphilis} />
      )}
      {pmtct && <ExposureFinalForm personId={props.personId} exposure={props.exposure} onChange={props.onChange} />}
    </>
  );
}

/** The congenital-syphilis criteria's answer on what was recorded: the final status to record. */
function SyphilisSuggestion(props: {
  suggestion: NonNullable<NonNullable<ExposureView['suggestedFinal']>['syphilis']>;
}) {
  const { pick, t } = useI18n();
  const s = props.suggestion;
  const key = finalStatusKey('syphilis', s.status);
  const label = key ? t(key) : s.status;
  const why = s.status === 'undetermined' ? s.needed : s.reasons;
  return (
    <Alert
      style={{ marginTop: 8 }}
      type={s.status === 'infected' ? 'error' : s.status === 'not_infected' ? 'success' : 'info'}
      showIcon
      data-testid="syphilis-suggestion"
      message={`${pick('先天梅毒判定标准：', 'Congenital syphilis criteria: ')}${label}`}
      description={
        why.length
          ? `${s.status === 'undetermined' ? pick('尚需：', 'Still needed: ') : ''}${why.map((x) => pick(x.zh, x.en)).join(pick('；', '; '))}`
          : undefined
      }
    />
  );
}
