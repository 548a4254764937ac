import { useRef } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useI18n } from '../../i18n/i18n-provider';
import { FormModal } from './form-modal';
import { PersonPicker } from './person-picker';
import { birthDefectApi, type AidApplication } from './women.api';
import { AID_EVENT, AID_PROGRAMME, lab, options } from './women-labels';

/** A new aid application (救助申请) for a child, optionally from its birth-defect card. */
export function AidApplyModal(props: {
  open: boolean;
  onClose(): void;
  personId?: string | null;
  birthDefectReportId?: string | null;
  condition?: string;
}) {
  const { lang, pick } = useI18n();
  const idRef = useRef(newUuid());
  return (
    <FormModal<{
      personId: string;
      programme: string;
      condition: string;
      appliedOn: Dayjs;
      amountRequested?: number;
      note?: string;
    }>
      open={props.open}
      title={pick('救助申请', 'Aid application')}
      onClose={() => {
        idRef.current = newUuid();
        props.onClose();
      }}
      invalidate={['aid', 'birth-defects']}
      initial={{
        personId: props.personId ?? undefined,
        programme: 'birth_defect_aid',
        condition: props.condition,
        appliedOn: dayjs(),
      }}
      submit={(v) =>
        birthDefectApi.apply({
          id: idRef.current,
          ...v,
          birthDefectReportId: props.birthDefectReportId ?? undefined,
          appliedOn: v.appliedOn.format('YYYY-MM-DD'),
          note: v.note || undefined,
        })
      }
    >
      <Form.Item name="personId" label={pick('救助对象（患儿）', 'Child')} rules={[{ required: true }]}>
        <PersonPicker disabled={!!props.personId} data-testid="aid-person" />
      </Form.Item>
      <Form.Item name="programme" label={pick('救助项目', 'Programme')} rules={[{ required: true }]}>
        <Select options={options(AID_PROGRAMME, lang)} data-testid="aid-programme" />
      </Form.Item>
      <Form.Item name="condition" label={pick('病种/诊断', 'Condition')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} data-testid="aid-condition" />
      </Form.Item>
      <Form.Item name="appliedOn" label={pick('申请日期', 'Applied on')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="amountRequested" label={pick('申请金额（元）', 'Amount requested (yuan)')}>
        <InputNumber min={0} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="note" label={pick('备注', 'Note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** Approve / reject / record the payment of an application (only the steps its state allows). */
export function AidDecisionModal(props: { application: AidApplication | null; onClose(): void }) {
  const { lang, pick } = useI18n();
  const [form] = Form.useForm<{ decision: string; date: Dayjs; approvedAmount?: number; note?: string }>();
  const decision = Form.useWatch('decision', form) as string | undefined;
  const a = props.application;
  return (
    <FormModal<{ decision: string; date: Dayjs; approvedAmount?: number; note?: string }>
      open={!!a}
      form={form}
      title={`${pick('审批与发放', 'Decision and payment')} · ${a?.personName ?? ''}`}
      onClose={props.onClose}
      invalidate={['aid', 'birth-defects']}
      initial={{
        decision: a?.allowedDecisions[0],
        date: dayjs(),
        approvedAmount: a?.amountRequested ?? undefined,
      }}
      submit={(v) =>
        birthDefectApi.decide(a!.id, {
          version: a!.version,
          decision: v.decision,
          date: v.date.format('YYYY-MM-DD'),
          approvedAmount: v.decision === 'approve' ? v.approvedAmount : undefined,
          note: v.note || undefined,
        })
      }
    >
      {a && (
        <Typography.Paragraph type="secondary">
          {lab(AID_PROGRAMME, a.programme, lang)} · {a.condition} · {pick('申请', 'applied')} {a.appliedOn}
          {a.amountRequested !== null
            ? ` · ${pick('申请金额', 'requested')} ${a.amountRequested} ${pick('元', 'yuan')}`
            : ''}
          {a.approvedAmount !== null
            ? ` · ${pick('批准金额', 'approved')} ${a.approvedAmount} ${pick('元', 'yuan')}`
            : ''}
        </Typography.Paragraph>
      )}
      <Form.Item name="decision" label={pick('操作', 'Step')} rules={[{ required: true }]}>
        <Select
          data-testid="aid-decision"
          options={(a?.allowedDecisions ?? []).map((d) => ({ value: d, label: lab(AID_EVENT, d, lang) }))}
        />
      </Form.Item>
      <Form.Item name="date" label={pick('日期', 'Date')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      {decision === 'approve' && (
        <Form.Item
          name="approvedAmount"
          label={pick('批准金额（元）', 'Approved amount (yuan)')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid="aid-amount" />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={decision === 'reject' ? pick('不予批准的理由', 'Reason') : pick('审批意见', 'Note')}
        rules={decision === 'reject' ? [{ required: true, whitespace: true }] : []}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
