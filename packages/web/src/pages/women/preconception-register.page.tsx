import { useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { PersonPicker } from './person-picker';
import { preconceptionApi } from './women.api';
import { POS_NEG, REPORTED_FACTORS, RISK_FACTOR, lab, options, preconceptionItems } from './women-labels';

interface PartnerValues {
  personId?: string;
  values?: Record<string, number | string | boolean | undefined>;
  infectious?: Record<string, string | undefined>;
  reported?: string[];
  items?: string[];
}

interface Values {
  checkDate: Dayjs;
  institutionId?: string | null;
  funded: boolean;
  plannedPregnancyOn?: Dayjs;
  female: PartnerValues;
  male: PartnerValues;
  advice?: string;
  referred: boolean;
  referralTo?: string;
  referralReason?: string;
}

const clean = (o: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== '' && v !== null));

function partner(p: PartnerValues) {
  if (!p.personId) return undefined;
  return {
    personId: p.personId,
    values: clean(p.values),
    infectious: clean(p.infectious),
    reported: p.reported ?? [],
    items: p.items ?? [],
  };
}

function PartnerCard(props: { sex: 'female' | 'male' }) {
  const { lang, pick } = useI18n();
  const { sex } = props;
  const n = (k: string) => [sex, ...k.split('.')];
  const num = (k: string, zh: string, en: string, min: number, max: number, step = 1) => (
    <Col xs={12} md={6} key={k}>
      <Form.Item name={n(`values.${k}`)} label={pick(zh, en)}>
        <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} data-testid={`pc-${sex}-${k}`} />
      </Form.Item>
    </Col>
  );
  const sero = (group: string, k: string, zh: string, en: string) => (
    <Col xs={12} md={6} key={k}>
      <Form.Item name={n(`${group}.${k}`)} label={pick(zh, en)}>
        <Select allowClear options={options(POS_NEG, lang)} data-testid={`pc-${sex}-${k}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Card
      size="small"
      title={sex === 'female' ? pick('女方', 'Woman') : pick('男方（可选）', 'Man (optional)')}
      style={{ marginBottom: 16 }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name={n('personId')}
            label={pick('受检者', 'Examinee')}
            rules={sex === 'female' ? [{ required: true, message: pick('请选择女方', 'Choose the woman') }] : []}
          >
            <PersonPicker sex={sex} data-testid={`pc-${sex}-person`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={n('items')} label={pick('已完成的服务项目', 'Items done')}>
            <Checkbox.Group
              options={preconceptionItems(sex).map((i) => ({
                value: i.code,
                label: `${i.no}. ${lang === 'en-US' ? i.en : i.zh}`,
              }))}
            />
          </Form.Item>
        </Col>
        {num('heightCm', '身高cm', 'Height cm', 100, 230)}
        {num('weightKg', '体重kg', 'Weight kg', 25, 250, 0.1)}
        {num('systolicMmHg', '收缩压', 'Systolic', 50, 260)}
        {num('diastolicMmHg', '舒张压', 'Diastolic', 30, 160)}
        {num('haemoglobinGPerL', '血红蛋白g/L', 'Hb g/L', 30, 250)}
        {num('altUPerL', 'ALT U/L', 'ALT U/L', 0, 3000)}
        {num('creatinineUmolPerL', '肌酐µmol/L', 'Creatinine', 10, 2000)}
        {sero('values', 'rh', 'Rh血型（阳性/阴性）', 'Rh')}
        {sex === 'female' && (
          <>
            {num('fastingGlucoseMmolPerL', '空腹血糖', 'Glucose', 1, 40, 0.1)}
            {num('tshMIUPerL', 'TSH', 'TSH', 0, 200, 0.01)}
            {sero('values', 'rubellaIgG', '风疹IgG', 'Rubella IgG')}
            {sero('values', 'cmvIgM', '巨细胞IgM', 'CMV IgM')}
            {sero('values', 'toxoplasmaIgM', '弓形体IgM', 'Toxo IgM')}
            <Col xs={12} md={6}>
              <Form.Item
                name={n('values.gynUltrasoundAbnormal')}
                label={pick('妇科超声异常', 'Gyn US abnormal')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
          </>
        )}
        {sero('infectious', 'syphilis', '梅毒', 'Syphilis')}
        {sero('infectious', 'hbsag', '乙肝表面抗原', 'HBsAg')}
        {sero('infectious', 'gonococcus', '淋球菌', 'Gonococcus')}
        {sero('infectious', 'chlamydia', '沙眼衣原体', 'Chlamydia')}
        <Col xs={24}>
          <Form.Item name={n('reported')} label={pick('问卷/临床风险因素', 'Reported risk factors')}>
            <Select
              mode="multiple"
              allowClear
              data-testid={`pc-${sex}-reported`}
              options={REPORTED_FACTORS.map((k) => ({ value: k, label: lab(RISK_FACTOR, k, lang) }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 孕前优生健康检查登记: both partners' values and questionnaire; the risk is assessed by core on the server. */
export function PreconceptionRegisterPage() {
  const me = useCurrentUser();
  const { pick } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<Values>();
  const idRef = useRef(newUuid());
  const referred = Form.useWatch('referred', form);
  const sex = params.get('sex') === 'male' ? 'male' : 'female';
  const save = useMutation({
    mutationFn: (v: Values) =>
      preconceptionApi.create({
        id: idRef.current,
        checkDate: v.checkDate.format('YYYY-MM-DD'),
        institutionId: v.institutionId || undefined,
        funded: v.funded,
        plannedPregnancyOn: v.plannedPregnancyOn?.format('YYYY-MM-DD'),
        female: partner(v.female),
        male: partner(v.male),
        advice: v.advice || undefined,
        referred: v.referred,
        referralTo: v.referred ? v.referralTo : undefined,
        referralReason: v.referred ? v.referralReason : undefined,
      }),
    onSuccess: (c) => navigate(`/women/preconception-checks/${c.id}`),
    onError: (e) => applyToForm(form, e),
  });
  return (
    <>
      <PageHeader
        title={pick('孕前优生健康检查登记', 'Record a preconception check')}
        breadcrumb={[
          { title: pick('孕前保健', 'Preconception care'), to: '/women/preconception-checks' },
          { title: pick('登记', 'Register') },
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          checkDate: dayjs(),
          funded: true,
          institutionId: me.institutionId ?? null,
          female: { personId: sex === 'female' ? (params.get('personId') ?? undefined) : undefined },
          male: { personId: sex === 'male' ? (params.get('personId') ?? undefined) : undefined },
          referred: false,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item name="checkDate" label={pick('检查日期', 'Date')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="plannedPregnancyOn" label={pick('计划怀孕时间', 'Planned pregnancy')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="funded" label={pick('免费项目', 'Funded')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="institutionId" label={pick('检查机构', 'Institution')}>
                <InstitutionSelect currentLabel={me.institutionName ?? null} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <PartnerCard sex="female" />
        <PartnerCard sex="male" />
        <Card size="small" title={pick('指导与转诊', 'Advice and referral')} style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="advice" label={pick('指导意见', 'Advice')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </Col>
            <Col xs={6} md={3}>
              <Form.Item name="referred" label={pick('转诊', 'Referred')} valuePropName="checked">
                <Switch data-testid="pc-referred" />
              </Form.Item>
            </Col>
            {referred && (
              <>
                <Col xs={18} md={4}>
                  <Form.Item name="referralTo" label={pick('转诊机构', 'To')} rules={[{ required: true }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name="referralReason" label={pick('转诊原因', 'Reason')} rules={[{ required: true }]}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="pc-submit">
          {pick('保存并评估风险', 'Save and assess')}
        </Button>
      </Form>
    </>
  );
}
