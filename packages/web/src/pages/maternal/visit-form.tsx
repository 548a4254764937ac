import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Checkbox,
  Col,
  Collapse,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { useI18n } from '../../i18n/i18n-provider';
import { URGENCY } from './maternal-labels';
import { maternalApi, type AncVisit } from './maternal.api';

interface Values {
  visitDate: Dayjs;
  weightKg?: number;
  systolicMmHg?: number;
  diastolicMmHg?: number;
  fundalHeightCm?: number;
  abdominalCircumferenceCm?: number;
  fetalHeartRate?: number;
  presentation?: string;
  oedema?: string;
  hbGL?: number;
  plateletsE9L?: number;
  urineProtein?: string;
  urineGlucose?: string;
  fastingGlucoseMmolL?: number;
  bloodGroup?: string;
  rh?: string;
  ogttFasting?: number;
  ogtt1h?: number;
  ogtt2h?: number;
  altUL?: number;
  astUL?: number;
  creatinineUmolL?: number;
  spo2?: number;
  ultrasound?: string;
  findings?: string;
  advice?: string;
  epds?: string;
  epdsAction?: string;
  urea?: number;
  bilirubin?: number;
  hypertension?: string[];
  referralTo?: string | null;
  referralReason?: string;
  referralUrgency?: string;
  nextAppointment?: Dayjs;
}

const URINE = ['negative', 'trace', '1+', '2+', '3+', '4+'];

/** Summary lines of the special-disease results computed by the server. */
export function specialSummary(v: AncVisit, pick: (zh: string, en: string) => string): string[] {
  const s = v.special;
  const out: string[] = [];
  if (s.gdm) out.push(s.gdm.gdm ? pick('妊娠期糖尿病（OGTT）', 'GDM (OGTT)') : pick('OGTT正常', 'OGTT normal'));
  if (s.anaemia?.anaemic) out.push(pick(s.anaemia.label.zh, s.anaemia.label.en));
  if (s.hypertension && s.hypertension.category !== 'none')
    out.push(pick(s.hypertension.label.zh, s.hypertension.label.en));
  if (s.weightGain && s.weightGain.status !== 'within')
    out.push(
      s.weightGain.status === 'above'
        ? pick(`体重增长过多（${s.weightGain.gainKg}kg）`, `Gain above range (${s.weightGain.gainKg} kg)`)
        : pick(`体重增长不足（${s.weightGain.gainKg}kg）`, `Gain below range (${s.weightGain.gainKg} kg)`),
    );
  if (s.epds?.positive || s.epds?.urgent)
    out.push(
      s.epds.urgent
        ? pick('EPDS第10项阳性（紧急）', 'EPDS item 10 positive (urgent)')
        : pick('EPDS阳性', 'EPDS positive'),
    );
  return out;
}

/** Form values of a recorded visit (for a correction). */
function valuesOf(v: AncVisit): Partial<Values> {
  const labs = v.labs as Record<string, unknown> & { ogtt?: Record<string, number | undefined> };
  const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return {
    visitDate: dayjs(v.visitDate),
    weightKg: v.weightKg ?? undefined,
    systolicMmHg: v.systolicMmHg ?? undefined,
    diastolicMmHg: v.diastolicMmHg ?? undefined,
    fundalHeightCm: v.fundalHeightCm ?? undefined,
    abdominalCircumferenceCm: v.abdominalCircumferenceCm ?? undefined,
    fetalHeartRate: v.fetalHeartRates[0],
    presentation: v.presentation ?? undefined,
    oedema: v.oedema ?? undefined,
    hbGL: num(labs.hbGL),
    plateletsE9L: num(labs.plateletsE9L),
    urineProtein: str(labs.urineProtein),
    urineGlucose: str(labs.urineGlucose),
    fastingGlucoseMmolL: num(labs.fastingGlucoseMmolL),
    bloodGroup: str(labs.bloodGroup),
    rh: str(labs.rh),
    ogttFasting: labs.ogtt?.fastingMmolL,
    ogtt1h: labs.ogtt?.oneHourMmolL,
    ogtt2h: labs.ogtt?.twoHourMmolL,
    altUL: num(labs.altUL),
    astUL: num(labs.astUL),
    creatinineUmolL: num(labs.creatinineUmolL),
    urea: num(labs.ureaMmolL),
    bilirubin: num(labs.totalBilirubinUmolL),
    spo2: num(labs.spo2),
    ultrasound: v.ultrasound ?? undefined,
    findings: v.findings ?? undefined,
    advice: v.advice ?? undefined,
    epds: v.epdsScores?.join(' '),
    epdsAction: v.epdsAction ?? undefined,
    nextAppointment: v.nextAppointment ? dayjs(v.nextAppointment) : undefined,
  };
}

/**
 * The antenatal visit form (modal): measurements, labs, findings, referral, next appointment. With `visit` it
 * corrects that visit (its version guards against a concurrent change; the special-disease results are recomputed).
 */
export function VisitForm(props: {
  pregnancyId: string;
  visit?: AncVisit;
  open: boolean;
  onClose(): void;
  onSaved(v: AncVisit): void;
}) {
  const { pick, lang } = useI18n();
  const { modal } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { applyToForm } = useApiFeedback();
  const idRef = useRef(newUuid());
  const save = useMutation({
    mutationFn: (v: Values) => {
      const ogtt =
        v.ogttFasting !== undefined || v.ogtt1h !== undefined || v.ogtt2h !== undefined
          ? { fastingMmolL: v.ogttFasting, oneHourMmolL: v.ogtt1h, twoHourMmolL: v.ogtt2h }
          : undefined;
      const labs = {
        hbGL: v.hbGL,
        plateletsE9L: v.plateletsE9L,
        urineProtein: v.urineProtein,
        urineGlucose: v.urineGlucose,
        fastingGlucoseMmolL: v.fastingGlucoseMmolL,
        bloodGroup: v.bloodGroup,
        rh: v.rh,
        ogtt,
        altUL: v.altUL,
        astUL: v.astUL,
        creatinineUmolL: v.creatinineUmolL,
        ureaMmolL: v.urea,
        totalBilirubinUmolL: v.bilirubin,
        spo2: v.spo2,
      };
      const hyp = v.hypertension ?? [];
      const epds = v.epds
        ?.split(/[\s,，]+/)
        .filter(Boolean)
        .map(Number);
      const body = {
        visitDate: v.visitDate.format('YYYY-MM-DD'),
        weightKg: v.weightKg,
        systolicMmHg: v.systolicMmHg,
        diastolicMmHg: v.diastolicMmHg,
        fundalHeightCm: v.fundalHeightCm,
        abdominalCircumferenceCm: v.abdominalCircumferenceCm,
        fetalHeartRates: v.fetalHeartRate ? [v.fetalHeartRate] : undefined,
        presentation: v.presentation,
        oedema: v.oedema,
        labs: Object.values(labs).some((x) => x !== undefined) ? labs : undefined,
        ultrasound: v.ultrasound || undefined,
        findings: v.findings || undefined,
        advice: v.advice || undefined,
        epdsScores: epds && epds.length ? epds : undefined,
        epdsAction: v.epdsAction || undefined,
        hypertension: hyp.length
          ? {
              beforePregnancy: hyp.includes('beforePregnancy'),
              proteinuria: hyp.includes('proteinuria') || undefined,
              severeFeatures: hyp.includes('severeFeatures'),
              seizures: hyp.includes('seizures'),
            }
          : undefined,
        referral: v.referralReason
          ? {
              reason: v.referralReason,
              urgency: v.referralUrgency ?? 'routine',
              ...(v.referralTo
                ? { toInstitutionId: v.referralTo }
                : { toInstitutionName: pick('上级医院', 'Higher-level hospital') }),
            }
          : undefined,
        nextAppointment: v.nextAppointment?.format('YYYY-MM-DD'),
      };
      if (props.visit) {
        const { referral: _referral, ...rest } = body;
        return maternalApi.updateVisit(props.visit.id, { ...rest, version: props.visit.version });
      }
      return maternalApi.addVisit(props.pregnancyId, { id: idRef.current, ...body });
    },
    onSuccess: (v) => {
      idRef.current = newUuid();
      form.resetFields();
      const lines = specialSummary(v, pick);
      modal.success({
        title: pick(`产前检查已保存（孕${v.gestationalAge}周）`, `Visit saved (${v.gestationalAge})`),
        content: (
          <div data-testid="visit-result">
            {lines.length
              ? lines.map((l) => <div key={l}>• {l}</div>)
              : pick('未发现专项疾病异常', 'No special-disease finding')}
          </div>
        ),
      });
      props.onSaved(v);
    },
    onError: (e) =>
      applyToForm(form, e, {
        'labs.hbGL': 'hbGL',
        'labs.plateletsE9L': 'plateletsE9L',
        'labs.ogtt.fastingMmolL': 'ogttFasting',
        'fetalHeartRates.0': 'fetalHeartRate',
        epdsScores: 'epds',
        'labs.ureaMmolL': 'urea',
        'labs.totalBilirubinUmolL': 'bilirubin',
        'referral.reason': 'referralReason',
      }),
  });
  const n = (name: keyof Values, zh: string, en: string, min: number, max: number, step = 0.1) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={pick(zh, en)}>
        <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} data-testid={`visit-${name}`} />
      </Form.Item>
    </Col>
  );
  const sel = (name: keyof Values, zh: string, en: string, options: { value: string; label: string }[]) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={pick(zh, en)}>
        <Select allowClear options={options} data-testid={`visit-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      open={props.open}
      width={960}
      title={
        props.visit ? pick('更正产前检查', 'Correct the visit') : pick('记录产前检查', 'Record an antenatal visit')
      }
      onCancel={props.onClose}
      footer={[
        <Button key="c" onClick={props.onClose}>
          {pick('取消', 'Cancel')}
        </Button>,
        <Button key="s" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="visit-save">
          {pick('保存', 'Save')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={props.visit ? valuesOf(props.visit) : { visitDate: dayjs() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="visitDate" label={pick('检查日期', 'Visit date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} data-testid="visit-visitDate" />
            </Form.Item>
          </Col>
          {n('weightKg', '体重(kg)', 'Weight (kg)', 25, 300)}
          {n('systolicMmHg', '收缩压', 'Systolic', 50, 300, 1)}
          {n('diastolicMmHg', '舒张压', 'Diastolic', 20, 200, 1)}
          {n('fundalHeightCm', '宫高(cm)', 'Fundal height (cm)', 5, 50)}
          {n('abdominalCircumferenceCm', '腹围(cm)', 'Abdomen (cm)', 50, 160)}
          {n('fetalHeartRate', '胎心率', 'Fetal heart rate', 60, 220, 1)}
          {sel('presentation', '胎位', 'Presentation', [
            { value: 'cephalic', label: pick('头位', 'Cephalic') },
            { value: 'breech', label: pick('臀位', 'Breech') },
            { value: 'transverse', label: pick('横位', 'Transverse') },
            { value: 'oblique', label: pick('斜位', 'Oblique') },
            { value: 'unknown', label: pick('不清', 'Unknown') },
          ])}
          {sel('oedema', '水肿', 'Oedema', [
            { value: 'none', label: pick('无', 'None') },
            ...['+', '++', '+++', '++++'].map((v) => ({ value: v, label: v })),
          ])}
        </Row>
        <Divider plain>{pick('辅助检查', 'Laboratory')}</Divider>
        <Row gutter={12}>
          {n('hbGL', '血红蛋白(g/L)', 'Hb (g/L)', 20, 250, 1)}
          {n('plateletsE9L', '血小板(×10⁹/L)', 'Platelets (×10⁹/L)', 0, 2000, 1)}
          {sel(
            'urineProtein',
            '尿蛋白',
            'Urine protein',
            URINE.map((v) => ({ value: v, label: v })),
          )}
          {sel(
            'urineGlucose',
            '尿糖',
            'Urine glucose',
            URINE.map((v) => ({ value: v, label: v })),
          )}
          {n('fastingGlucoseMmolL', '空腹血糖', 'Fasting glucose', 0.5, 50)}
          {sel(
            'bloodGroup',
            '血型',
            'Blood group',
            ['A', 'B', 'O', 'AB'].map((v) => ({ value: v, label: v })),
          )}
          {sel('rh', 'Rh', 'Rh', [
            { value: 'positive', label: pick('阳性', 'Positive') },
            { value: 'negative', label: pick('阴性', 'Negative') },
          ])}
          {n('spo2', '血氧饱和度(%)', 'SpO2 (%)', 30, 100, 1)}
        </Row>
        <Collapse
          size="small"
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'more',
              label: pick('OGTT、肝肾功能、EPDS', 'OGTT, liver/kidney, EPDS'),
              children: (
                <Row gutter={12}>
                  {n('ogttFasting', 'OGTT空腹', 'OGTT fasting', 0.5, 50)}
                  {n('ogtt1h', 'OGTT 1小时', 'OGTT 1 h', 0.5, 60)}
                  {n('ogtt2h', 'OGTT 2小时', 'OGTT 2 h', 0.5, 60)}
                  {n('altUL', 'ALT(U/L)', 'ALT (U/L)', 0, 5000, 1)}
                  {n('astUL', 'AST(U/L)', 'AST (U/L)', 0, 5000, 1)}
                  {n('creatinineUmolL', '肌酐(µmol/L)', 'Creatinine (µmol/L)', 5, 3000, 1)}
                  {n('urea', '尿素(mmol/L)', 'Urea (mmol/L)', 0, 100)}
                  {n('bilirubin', '总胆红素(µmol/L)', 'Total bilirubin (µmol/L)', 0, 1000)}
                  <Col xs={24}>
                    <Form.Item
                      name="hypertension"
                      label={pick(
                        '高血压相关情况（用于妊娠期高血压疾病分类）',
                        'Hypertension facts (for the classification)',
                      )}
                    >
                      <Checkbox.Group
                        options={[
                          {
                            value: 'beforePregnancy',
                            label: pick('孕前或孕20周前已有高血压', 'Hypertension before pregnancy or 20 weeks'),
                          },
                          { value: 'proteinuria', label: pick('蛋白尿（定量确认）', 'Proteinuria (confirmed)') },
                          {
                            value: 'severeFeatures',
                            label: pick('严重表现（头痛、视物模糊、肝肾损害等）', 'Severe features'),
                          },
                          { value: 'seizures', label: pick('抽搐', 'Seizures') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="epds"
                      label={pick('EPDS 10项得分（空格分隔）', 'EPDS 10 item scores (space separated)')}
                    >
                      <Input placeholder="0 1 0 1 0 0 1 0 0 0" data-testid="visit-epds" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="epdsAction"
                      label={pick('EPDS阳性的干预或转诊（阳性时必填）', 'Intervention or referral if EPDS positive')}
                    >
                      <Input data-testid="visit-epdsAction" />
                    </Form.Item>
                  </Col>
                </Row>
              ),
            },
          ]}
        />
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="ultrasound" label={pick('B超', 'Ultrasound')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="findings" label={pick('检查所见 / 异常', 'Findings')}>
              <Input.TextArea rows={2} data-testid="visit-findings" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="advice" label={pick('指导', 'Advice')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nextAppointment" label={pick('下次预约日期', 'Next appointment')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider plain>{pick('转诊（需要时填写）', 'Referral (if needed)')}</Divider>
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item name="referralTo" label={pick('转入机构', 'To')}>
              <InstitutionSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="referralReason" label={pick('转诊原因', 'Reason')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="referralUrgency" label={pick('紧急程度', 'Urgency')}>
              <Select
                allowClear
                options={Object.entries(URGENCY).map(([value, [zh, en]]) => ({
                  value,
                  label: lang === 'en-US' ? en : zh,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
