import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { useI18n } from '../../i18n/i18n-provider';
import { SCHEDULES, URGENCY, lbl } from './maternal-labels';
import { maternalApi, type Pregnancy } from './maternal.api';

/**
 * Refers the woman from her page: for a screen-positive woman, to a level-2+ hospital for the risk assessment
 * (the referral meets the 2-week duty); otherwise any referral with its receipt.
 */
export function ReferForm(props: {
  pregnancy: Pregnancy;
  screening: boolean;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { pick, lang } = useI18n();
  const [form] = Form.useForm();
  const { applyToForm } = useApiFeedback();
  const idRef = useRef(newUuid());
  const save = useMutation({
    mutationFn: (v: { referredOn: Dayjs; toInstitutionId?: string | null; reason: string; urgency: string }) =>
      maternalApi.refer(props.pregnancy.id, {
        id: idRef.current,
        referredOn: v.referredOn.format('YYYY-MM-DD'),
        toInstitutionId: v.toInstitutionId ?? undefined,
        reason: v.reason,
        urgency: v.urgency,
        sourceKind: props.screening ? 'screening' : 'other',
      }),
    onSuccess: () => {
      idRef.current = newUuid();
      props.onSaved();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open={props.open}
      destroyOnHidden
      title={
        props.screening
          ? pick('筛查阳性：转诊评估（转诊单）', 'Screen positive: refer for assessment')
          : pick('转诊', 'Referral')
      }
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'refer-ok' } as Record<string, string>}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          referredOn: dayjs(),
          urgency: 'routine',
          reason: props.screening ? pick('妊娠风险筛查阳性，转诊评估', 'Screen positive: risk assessment') : '',
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="referredOn" label={pick('转诊日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="toInstitutionId"
          label={pick('转入机构（二级以上助产机构）', 'To (a level-2+ midwifery hospital)')}
          rules={[{ required: true, message: pick('请选择转入机构', 'Choose the institution') }]}
        >
          <InstitutionSelect data-testid="refer-to-inst" />
        </Form.Item>
        <Form.Item name="reason" label={pick('原因', 'Reason')} rules={[{ required: true }]}>
          <Input data-testid="refer-reason-text" />
        </Form.Item>
        <Form.Item name="urgency" label={pick('紧急程度', 'Urgency')}>
          <Select options={Object.keys(URGENCY).map((k) => ({ value: k, label: lbl(URGENCY, k, lang) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Corrects the registration record: handbook number, managing institution, schedule, body measurements, fetuses. */
export function RecordForm(props: { pregnancy: Pregnancy; open: boolean; onClose(): void; onSaved(): void }) {
  const { pick, lang } = useI18n();
  const p = props.pregnancy;
  const [form] = Form.useForm();
  const { applyToForm } = useApiFeedback();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const body: Record<string, unknown> = { version: p.version };
      for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null && x !== '') body[k] = x;
      return maternalApi.updatePregnancy(p.id, body);
    },
    onSuccess: () => props.onSaved(),
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open={props.open}
      destroyOnHidden
      title={pick('修改保健册', 'Correct the record')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          handbookNo: p.handbookNo ?? undefined,
          managingInstitutionId: p.managingInstitutionId ?? undefined,
          scheduleId: p.scheduleId,
          heightCm: p.heightCm ?? undefined,
          prePregnancyWeightKg: p.prePregnancyWeightKg ?? undefined,
          fetuses: p.fetuses,
        }}
        onFinish={(v) => save.mutate(v as Record<string, unknown>)}
      >
        <Form.Item name="handbookNo" label={pick('母子健康手册编号', 'Handbook number')}>
          <Input />
        </Form.Item>
        <Form.Item name="managingInstitutionId" label={pick('管理机构', 'Managed by')}>
          <InstitutionSelect currentLabel={p.managingInstitutionName} />
        </Form.Item>
        <Form.Item
          name="scheduleId"
          label={pick('产前检查时间表', 'Antenatal schedule')}
          extra={pick('默认按本地区的设置；改变后已做的产检重新对应', 'By default the region’s choice')}
        >
          <Select
            data-testid="record-schedule"
            options={Object.keys(SCHEDULES).map((k) => ({ value: k, label: lbl(SCHEDULES, k, lang) }))}
          />
        </Form.Item>
        <Form.Item name="heightCm" label={pick('身高(cm)', 'Height (cm)')}>
          <InputNumber min={100} max={230} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="prePregnancyWeightKg" label={pick('孕前体重(kg)', 'Pre-pregnancy weight (kg)')}>
          <InputNumber min={25} max={250} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="fetuses" label={pick('胎数', 'Fetuses')}>
          <InputNumber min={1} max={8} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
