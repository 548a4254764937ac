import { useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { PersonPicker } from './person-picker';
import { premaritalApi } from './women.api';
import {
  INFECTIOUS_ITEM,
  INFECTIOUS_RESULT,
  NORMAL_ABNORMAL,
  PREMARITAL_DISEASE,
  PREMARITAL_FINDING,
  PREMARITAL_OPINION,
  lab,
  options,
  premaritalLabItems,
  suggestPremaritalOpinion,
} from './women-labels';

interface PartnerValues {
  personId?: string;
  history?: { pastIllnesses?: string[]; familyHistory?: string; menstrualHistory?: string };
  exam?: {
    general?: string;
    generalNote?: string;
    genital?: string;
    genitalNote?: string;
    systolicMmHg?: number;
    diastolicMmHg?: number;
  };
  tests?: Record<string, string | undefined>;
  infectious?: Record<string, string | undefined>;
  diseases?: string[];
}

interface Values {
  examDate: Dayjs;
  institutionId?: string | null;
  examiner?: string;
  funded: boolean;
  registrationOffice?: string;
  registrationDate?: Dayjs;
  female: PartnerValues;
  male: PartnerValues;
  findings: string[];
  opinion: string;
  opinionNote?: string;
  counsellingGiven: boolean;
  counsellingTopics: string[];
  certificateNo?: string;
  note?: string;
}

const clean = <T extends Record<string, unknown>>(o: T | undefined) =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== '' && v !== null));

function partnerBody(p: PartnerValues) {
  if (!p.personId) return undefined;
  return {
    personId: p.personId,
    history: clean(p.history),
    exam: clean(p.exam),
    tests: clean(p.tests),
    infectious: clean(p.infectious),
    diseases: p.diseases ?? [],
  };
}

function PartnerCard(props: { sex: 'female' | 'male' }) {
  const { lang, pick } = useI18n();
  const { sex } = props;
  const n = (k: string) => [sex, ...k.split('.')];
  return (
    <Card
      size="small"
      title={sex === 'female' ? pick('女方', 'Bride') : pick('男方', 'Groom')}
      data-testid={`premarital-${sex}`}
      style={{ marginBottom: 16 }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={n('personId')} label={pick('受检者', 'Examinee')}>
            <PersonPicker sex={sex} data-testid={`premarital-${sex}-person`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={n('history.pastIllnesses')} label={pick('既往病史', 'Past illnesses')}>
            <Select mode="tags" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={n('history.familyHistory')} label={pick('家族史', 'Family history')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        {sex === 'female' && (
          <Col xs={24} md={12}>
            <Form.Item name={n('history.menstrualHistory')} label={pick('月经史', 'Menstrual history')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        )}
        <Col xs={12} md={6}>
          <Form.Item name={n('exam.general')} label={pick('全身检查', 'General exam')}>
            <Select allowClear options={options(NORMAL_ABNORMAL, lang)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={n('exam.genital')} label={pick('生殖器检查', 'Genital exam')}>
            <Select allowClear options={options(NORMAL_ABNORMAL, lang)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={n('exam.systolicMmHg')} label={pick('收缩压', 'Systolic')}>
            <InputNumber min={50} max={260} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={n('exam.diastolicMmHg')} label={pick('舒张压', 'Diastolic')}>
            <InputNumber min={30} max={160} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {premaritalLabItems(sex).map((i) => (
          <Col xs={12} md={6} key={i.code}>
            <Form.Item name={n(`tests.${i.code}`)} label={lang === 'en-US' ? i.en : i.zh}>
              <Select allowClear options={options(NORMAL_ABNORMAL, lang)} />
            </Form.Item>
          </Col>
        ))}
        {Object.keys(INFECTIOUS_ITEM).map((k) => (
          <Col xs={12} md={6} key={k}>
            <Form.Item name={n(`infectious.${k}`)} label={lab(INFECTIOUS_ITEM, k, lang)}>
              <Select allowClear data-testid={`premarital-${sex}-${k}`} options={options(INFECTIOUS_RESULT, lang)} />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24}>
          <Form.Item name={n('diseases')} label={pick('检出疾病分类', 'Disease categories found')}>
            <Select mode="multiple" allowClear options={options(PREMARITAL_DISEASE, lang)} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 婚前医学检查登记: both partners' history, examination and tests, the medical opinion, counselling, certificate. */
export function PremaritalRegisterPage() {
  const me = useCurrentUser();
  const { lang, pick } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<Values>();
  const idRef = useRef(newUuid());
  const findings = Form.useWatch('findings', form) ?? [];
  const opinion = Form.useWatch('opinion', form);
  const counselling = Form.useWatch('counsellingGiven', form);
  const suggestion = suggestPremaritalOpinion(findings as never[]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      premaritalApi.create({
        id: idRef.current,
        examDate: v.examDate.format('YYYY-MM-DD'),
        institutionId: v.institutionId || undefined,
        examiner: v.examiner || undefined,
        funded: v.funded,
        registrationOffice: v.registrationOffice || undefined,
        registrationDate: v.registrationDate?.format('YYYY-MM-DD'),
        female: partnerBody(v.female),
        male: partnerBody(v.male),
        findings: v.findings ?? [],
        opinion: v.opinion,
        opinionNote: v.opinionNote || undefined,
        counsellingGiven: v.counsellingGiven,
        counsellingTopics: v.counsellingGiven ? (v.counsellingTopics ?? []) : [],
        certificateNo: v.certificateNo || undefined,
        note: v.note || undefined,
      }),
    onSuccess: (e) => navigate(`/women/premarital-exams/${e.id}`),
    onError: (e) => applyToForm(form, e),
  });
  const sex = params.get('sex') === 'male' ? 'male' : 'female';
  return (
    <>
      <PageHeader
        title={pick('婚前医学检查登记', 'Record a premarital examination')}
        breadcrumb={[
          { title: pick('婚前保健', 'Premarital care'), to: '/women/premarital-exams' },
          { title: pick('登记', 'Register') },
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          examDate: dayjs(),
          funded: true,
          institutionId: me.institutionId ?? null,
          female: { personId: sex === 'female' ? (params.get('personId') ?? undefined) : undefined },
          male: { personId: sex === 'male' ? (params.get('personId') ?? undefined) : undefined },
          findings: [],
          opinion: 'no_contraindication',
          counsellingGiven: true,
          counsellingTopics: [],
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item name="examDate" label={pick('检查日期', 'Exam date')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} data-testid="premarital-date" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="funded" label={pick('免费婚检', 'Free examination')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="institutionId" label={pick('检查机构', 'Institution')}>
                <InstitutionSelect currentLabel={me.institutionName ?? null} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="registrationOffice" label={pick('婚姻登记处', 'Registration office')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="registrationDate" label={pick('结婚登记日期', 'Registration date')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="examiner" label={pick('主检医师', 'Physician')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <PartnerCard sex="female" />
        <PartnerCard sex="male" />
        <Card size="small" title={pick('医学意见', 'Medical opinion')} style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="findings" label={pick('影响婚育的情形', 'Findings affecting marriage or childbearing')}>
                <Select
                  mode="multiple"
                  allowClear
                  data-testid="premarital-findings"
                  options={options(PREMARITAL_FINDING, lang)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="opinion"
                label={pick('医学意见', 'Opinion')}
                rules={[{ required: true }]}
                extra={`${pick('按规范应为', 'The findings call for')}: ${lab(PREMARITAL_OPINION, suggestion.primary, lang)}`}
              >
                <Select data-testid="premarital-opinion" options={options(PREMARITAL_OPINION, lang)} />
              </Form.Item>
            </Col>
            {opinion && opinion !== suggestion.primary && (
              <Col xs={24}>
                <Alert
                  type="warning"
                  style={{ marginBottom: 12 }}
                  message={pick(
                    '所选意见与检查发现不一致，请说明理由',
                    'The opinion differs from the findings: give a reason',
                  )}
                />
                <Form.Item name="opinionNote" label={pick('意见说明', 'Reason')} rules={[{ required: true }]}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
            )}
            <Col xs={12} md={6}>
              <Form.Item
                name="counsellingGiven"
                label={pick('已进行咨询指导', 'Counselling given')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
            {counselling && (
              <Col xs={24} md={10}>
                <Form.Item name="counsellingTopics" label={pick('咨询内容', 'Topics')}>
                  <Select
                    mode="tags"
                    options={['孕前保健', '叶酸增补', '避孕', '遗传咨询', '传染病防治'].map((v) => ({ value: v }))}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={12} md={8}>
              <Form.Item name="certificateNo" label={pick('婚前医学检查证明编号', 'Certificate number')}>
                <Input maxLength={40} data-testid="premarital-certificate" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="premarital-submit">
          {pick('保存', 'Save')}
        </Button>
      </Form>
    </>
  );
}
