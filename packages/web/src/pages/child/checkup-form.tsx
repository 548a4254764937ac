import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { childApi, type Checkup } from './child.api';
import { FEEDING } from './child-labels';

const SYSTEMS: [string, string, string][] = [
  ['skin', '皮肤', 'Skin'],
  ['fontanelle', '前囟', 'Fontanelle'],
  ['eyes', '眼', 'Eyes'],
  ['ears', '耳', 'Ears'],
  ['mouth', '口腔', 'Mouth'],
  ['heart', '心脏', 'Heart'],
  ['lungs', '肺', 'Lungs'],
  ['abdomen', '腹部', 'Abdomen'],
  ['umbilicus', '脐部', 'Umbilicus'],
  ['limbs', '四肢', 'Limbs'],
  ['spine', '脊柱', 'Spine'],
  ['genitalia', '外生殖器', 'Genitalia'],
  ['neuro', '神经系统', 'Neurology'],
];

interface Values {
  visitDate: Dayjs;
  kind: string;
  weightKg?: number;
  lengthCm?: number;
  measuredLying?: boolean;
  headCm?: number;
  hbGL?: number;
  feeding?: string;
  exclusiveBreastfeeding?: boolean;
  vitaminDIu?: number;
  outdoorHours?: number;
  abnormal?: string[];
  examNote?: string;
  warningChecked?: string[];
  regression?: boolean;
  hearing?: string;
  eyeResult?: string;
  caries?: number;
  fluorideVarnish?: boolean;
  pitFissureSealing?: boolean;
  illness?: string[];
  guidance?: string[];
  guidanceNote?: string;
  referralReason?: string;
  nextAppointment?: Dayjs;
}

/** The check-up form (modal). Saves and hands the stored check-up (z-scores, findings, proposals) back. */
export function CheckupForm(props: {
  personId: string;
  ageDays: number | null;
  warningSigns?: { code: string; zh: string; en: string }[];
  open: boolean;
  onClose(): void;
  onSaved(c: Checkup): void;
}) {
  const { pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const { applyToForm } = useApiFeedback();
  const idRef = useRef(newUuid());
  const save = useMutation({
    mutationFn: (v: Values) => {
      const exam: Record<string, { normal: boolean; note?: string }> = {};
      for (const [code] of SYSTEMS) exam[code] = { normal: !(v.abnormal ?? []).includes(code) };
      if (v.examNote && v.abnormal?.[0]) exam[v.abnormal[0]] = { normal: false, note: v.examNote };
      return childApi.addCheckup(props.personId, {
        id: idRef.current,
        visitDate: v.visitDate.format('YYYY-MM-DD'),
        kind: v.kind,
        weightKg: v.weightKg,
        lengthCm: v.lengthCm,
        measuredLying: v.measuredLying,
        headCm: v.headCm,
        hbGL: v.hbGL,
        feeding: v.feeding,
        exclusiveBreastfeeding: v.exclusiveBreastfeeding,
        vitaminDIu: v.vitaminDIu,
        outdoorHours: v.outdoorHours,
        exam,
        warningSigns: { checked: v.warningChecked ?? [], regression: v.regression ?? false },
        hearing: v.hearing,
        eye: v.eyeResult ? { result: v.eyeResult } : undefined,
        teeth:
          v.caries !== undefined || v.fluorideVarnish || v.pitFissureSealing
            ? { caries: v.caries, fluorideVarnish: v.fluorideVarnish, pitFissureSealing: v.pitFissureSealing }
            : undefined,
        illness: (v.illness ?? []).map((kind) => ({ kind })),
        guidance: v.guidance,
        guidanceNote: v.guidanceNote,
        referral: v.referralReason
          ? { reason: v.referralReason, toInstitutionName: pick('上级妇幼保健机构', 'Referral centre') }
          : undefined,
        nextAppointment: v.nextAppointment?.format('YYYY-MM-DD'),
      });
    },
    onSuccess: (c) => {
      idRef.current = newUuid();
      form.resetFields();
      props.onSaved(c);
    },
    onError: (e) => applyToForm(form, e, { 'eye.result': 'eyeResult', 'teeth.caries': 'caries' }),
  });
  const under6m = (props.ageDays ?? 0) < 183;
  const n = (name: keyof Values, zh: string, en: string, min: number, max: number, step = 0.1) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={pick(zh, en)}>
        <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} data-testid={`checkup-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      open={props.open}
      title={pick('记录健康检查', 'Record a check-up')}
      width={920}
      onCancel={props.onClose}
      footer={[
        <Button key="c" onClick={props.onClose}>
          {pick('取消', 'Cancel')}
        </Button>,
        <Button
          key="s"
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="checkup-save"
        >
          {pick('保存', 'Save')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ visitDate: dayjs(), kind: 'routine' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="visitDate" label={pick('检查日期', 'Visit date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} data-testid="checkup-visitDate" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="kind" label={pick('类型', 'Kind')}>
              <Select
                options={[
                  { value: 'newborn_visit', label: pick('新生儿访视', 'Newborn home visit') },
                  { value: 'month1', label: pick('满月', 'One-month check') },
                  { value: 'routine', label: pick('常规体检', 'Routine') },
                  { value: 'extra', label: pick('增加随访', 'Extra visit') },
                ]}
              />
            </Form.Item>
          </Col>
          {n('weightKg', '体重(kg)', 'Weight (kg)', 0.3, 80, 0.01)}
          {n(
            'lengthCm',
            (props.ageDays ?? 0) < 731 ? '身长(cm，卧位)' : '身高(cm，立位)',
            'Length/height (cm)',
            25,
            150,
          )}
          <Col xs={12} md={6}>
            <Form.Item name="measuredLying" label={pick('卧位测量', 'Measured lying')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          {n('headCm', '头围(cm)', 'Head (cm)', 20, 65)}
          {n('hbGL', '血红蛋白(g/L)', 'Hb (g/L)', 20, 250, 1)}
          {n('vitaminDIu', '维生素D(IU/日)', 'Vitamin D (IU/day)', 0, 10000, 100)}
          {n('outdoorHours', '户外活动(小时/日)', 'Outdoors (h/day)', 0, 12, 0.5)}
          <Col xs={12} md={6}>
            <Form.Item name="feeding" label={pick('喂养方式', 'Feeding')}>
              <Select
                allowClear
                options={Object.entries(FEEDING).map(([value, [zh, en]]) => ({ value, label: pick(zh, en) }))}
              />
            </Form.Item>
          </Col>
          {under6m && (
            <Col xs={12} md={6}>
              <Form.Item
                name="exclusiveBreastfeeding"
                label={pick('24小时纯母乳喂养', 'Exclusive BF (24-h recall)')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Divider plain>{pick('体格检查（勾选异常的系统）', 'Examination (tick abnormal systems)')}</Divider>
        <Form.Item name="abnormal">
          <Checkbox.Group options={SYSTEMS.map(([value, zh, en]) => ({ value, label: pick(zh, en) }))} />
        </Form.Item>
        <Form.Item name="examNote" label={pick('异常描述', 'Findings')}>
          <Input />
        </Form.Item>
        <Divider plain>{pick('发育预警征象', 'Developmental warning signs')}</Divider>
        {props.warningSigns && props.warningSigns.length > 0 && (
          <Form.Item
            name="warningChecked"
            label={pick('本月龄预警征象（勾选出现的）', 'Signs at this age (tick those present)')}
          >
            <Checkbox.Group options={props.warningSigns.map((w) => ({ value: w.code, label: pick(w.zh, w.en) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="regression"
          label={pick('语言或社交能力倒退', 'Regression of language or social skills')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="hearing" label={pick('听力', 'Hearing')}>
              <Select
                allowClear
                options={[
                  { value: 'pass', label: pick('通过', 'Pass') },
                  { value: 'refer', label: pick('未通过', 'Refer') },
                  { value: 'not_done', label: pick('未查', 'Not done') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="eyeResult" label={pick('眼保健', 'Eye check')}>
              <Select
                allowClear
                options={[
                  { value: 'normal', label: pick('未见异常', 'Normal') },
                  { value: 'abnormal', label: pick('异常', 'Abnormal') },
                  { value: 'not_done', label: pick('未查', 'Not done') },
                ]}
              />
            </Form.Item>
          </Col>
          {n('caries', '龋齿数', 'Caries', 0, 32, 1)}
          <Col xs={12} md={3}>
            <Form.Item name="fluorideVarnish" label={pick('涂氟', 'Fluoride')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name="pitFissureSealing" label={pick('窝沟封闭', 'Sealing')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="illness" label={pick('两次随访间患病', 'Illness since last visit')}>
              <Select
                mode="multiple"
                allowClear
                options={[
                  { value: 'pneumonia', label: pick('肺炎', 'Pneumonia') },
                  { value: 'diarrhoea', label: pick('腹泻', 'Diarrhoea') },
                  { value: 'trauma', label: pick('外伤', 'Injury') },
                  { value: 'other', label: pick('其他', 'Other') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="guidance" label={pick('指导', 'Guidance')}>
              <Select
                mode="multiple"
                allowClear
                options={[
                  { value: 'feeding', label: pick('科学喂养', 'Feeding') },
                  { value: 'development', label: pick('生长发育', 'Development') },
                  { value: 'injury_prevention', label: pick('伤害预防', 'Injury prevention') },
                  { value: 'disease_prevention', label: pick('疾病预防', 'Disease prevention') },
                  { value: 'oral_health', label: pick('口腔保健', 'Oral health') },
                  { value: 'eye_care', label: pick('眼保健', 'Eye care') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="referralReason" label={pick('转诊原因（需转诊时填写）', 'Referral reason (if referred)')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nextAppointment" label={pick('下次随访日期', 'Next appointment')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
