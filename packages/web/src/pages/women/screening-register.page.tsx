import { useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { PersonPicker } from './person-picker';
import { ScreeningResultFields, resultBody, type ResultValues } from './screening-result-fields';
import { screeningApi } from './women.api';
import { BREAST_METHOD, CERVICAL_METHOD, COHORT, options } from './women-labels';

interface Values extends ResultValues {
  personId: string;
  kind: 'cervical' | 'breast';
  method: string;
  screeningDate: Dayjs;
  cohort: string;
  funded: boolean;
  institutionId?: string | null;
  examiner?: string;
  note?: string;
}

/** 两癌筛查登记: the woman, method, cohort and the first-line results; eligibility shown from the server (core). */
export function ScreeningRegisterPage() {
  const me = useCurrentUser();
  const { lang, pick } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<Values>();
  const idRef = useRef(newUuid());
  const kind = Form.useWatch('kind', form) ?? 'cervical';
  const method = Form.useWatch('method', form);
  const personId = Form.useWatch('personId', form);
  const date = Form.useWatch('screeningDate', form);
  const cohort = Form.useWatch('cohort', form);
  const elig = useQuery({
    queryKey: ['cancer-eligibility', personId, date?.format('YYYY-MM-DD'), cohort],
    queryFn: () =>
      screeningApi.eligibility(personId, { date: date?.format('YYYY-MM-DD'), cohort: cohort ?? 'general' }),
    enabled: !!personId && !!date,
    retry: false,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      screeningApi.create({
        id: idRef.current,
        personId: v.personId,
        kind: v.kind,
        method: v.method,
        screeningDate: v.screeningDate.format('YYYY-MM-DD'),
        cohort: v.cohort,
        funded: v.funded,
        institutionId: v.institutionId || undefined,
        examiner: v.examiner || undefined,
        note: v.note || undefined,
        ...resultBody(v, v.kind),
      }),
    onSuccess: (s) => navigate(`/women/cancer-screenings/${s.id}`),
    onError: (e) => applyToForm(form, e, { hpvTypes: 'hpvTypes' }),
  });
  const methods = kind === 'cervical' ? CERVICAL_METHOD : BREAST_METHOD;
  return (
    <>
      <PageHeader
        title={pick('两癌筛查登记', 'Record a cancer screening')}
        breadcrumb={[
          { title: pick('两癌筛查', 'Cancer screening'), to: '/women/cancer-screenings' },
          { title: pick('登记', 'Register') },
        ]}
      />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            personId: params.get('personId') ?? undefined,
            kind: params.get('kind') === 'breast' ? 'breast' : 'cervical',
            method: params.get('kind') === 'breast' ? 'breast_ultrasound' : 'hpv',
            screeningDate: dayjs(),
            cohort: 'rural',
            funded: true,
            institutionId: me?.institutionId ?? null,
          }}
          onFinish={(v) => save.mutate(v)}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="personId"
                label={pick('受检妇女', 'Woman')}
                rules={[{ required: true, message: pick('请选择受检妇女', 'Choose the woman') }]}
              >
                <PersonPicker sex="female" data-testid="screening-person" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={pick('筛查类别', 'Kind')}>
                <Radio.Group
                  data-testid="screening-kind"
                  onChange={(e) =>
                    form.setFieldValue('method', e.target.value === 'breast' ? 'breast_ultrasound' : 'hpv')
                  }
                >
                  <Radio value="cervical">{pick('宫颈癌筛查', 'Cervical')}</Radio>
                  <Radio value="breast">{pick('乳腺癌筛查', 'Breast')}</Radio>
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="method" label={pick('筛查方法', 'Method')} rules={[{ required: true }]}>
                <Select data-testid="screening-method" options={options(methods, lang)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="screeningDate" label={pick('筛查日期', 'Date')} rules={[{ required: true }]}>
                <DatePicker
                  style={{ width: '100%' }}
                  data-testid="screening-date"
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="cohort" label={pick('人群类别', 'Cohort')} rules={[{ required: true }]}>
                <Select data-testid="screening-cohort" options={options(COHORT, lang)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="funded" label={pick('免费筛查项目', 'Funded programme')} valuePropName="checked">
                <Switch data-testid="screening-funded" />
              </Form.Item>
            </Col>
          </Row>
          {elig.data && (
            <Alert
              style={{ marginBottom: 16 }}
              data-testid="screening-eligibility"
              type={elig.data.eligible ? 'success' : 'warning'}
              message={
                elig.data.eligible
                  ? pick(
                      `${elig.data.ageAtScreening}岁，符合项目筛查条件${elig.data.priority ? '（重点人群）' : ''}`,
                      `Age ${elig.data.ageAtScreening}: eligible${elig.data.priority ? ' (priority group)' : ''}`,
                    )
                  : pick(
                      `${elig.data.ageAtScreening}岁，不符合项目条件：${elig.data.reasonsText?.zh ?? ''}（可作为非项目筛查登记）`,
                      `Age ${elig.data.ageAtScreening}: not eligible: ${elig.data.reasonsText?.en ?? ''}`,
                    )
              }
            />
          )}
          <Card size="small" title={pick('初筛结果（可稍后补录）', 'First-line results (may be added later)')}>
            <ScreeningResultFields kind={kind} method={method} />
          </Card>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} md={12}>
              <Form.Item name="institutionId" label={pick('筛查机构', 'Institution')}>
                <InstitutionSelect currentLabel={me?.institutionName ?? null} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="examiner" label={pick('检查者', 'Examiner')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="note" label={pick('备注', 'Note')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="screening-submit">
            {pick('保存', 'Save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
