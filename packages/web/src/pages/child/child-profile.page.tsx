import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../api/api-error';
import { getPerson } from '../../api/people.api';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { childApi } from './child.api';

interface Values {
  gestationalWeeks?: number;
  gestationalDays?: number;
  birthWeightG?: number;
  birthLengthCm?: number;
  apgar1?: number;
  apgar5?: number;
  multipleBirth?: number;
  birthOrder?: number;
  dischargedOn?: Dayjs;
  healthHandbookNo?: string;
  vaccinationHandbookNo?: string;
}

/** Opens (or completes) the child-health record of a child created from a delivery. */
export function ChildProfilePage() {
  const { personId = '' } = useParams();
  const { pick } = useI18n();
  const navigate = useNavigate();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<Values>();
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => getPerson(personId) });
  const existing = useQuery({
    queryKey: ['child', personId],
    queryFn: () => childApi.page(personId),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      childApi.putProfile(personId, {
        ...v,
        dischargedOn: v.dischargedOn?.format('YYYY-MM-DD'),
        ...(existing.data ? { version: existing.data.profile.version } : {}),
      }),
    onSuccess: () => navigate(`/children/${personId}`),
    onError: (e) => applyToForm(form, e),
  });
  const n = (name: keyof Values, zh: string, en: string, min: number, max: number, step = 1) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={pick(zh, en)}>
        <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <PageHeader
        title={`${pick('儿童保健建档', 'Child-health record')} · ${person.data?.name ?? ''}`}
        subTitle={person.data?.birthDate ?? ''}
        breadcrumb={[{ title: pick('儿童保健', 'Child health'), to: '/children' }, { title: pick('建档', 'Record') }]}
      />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          initialValues={{ multipleBirth: 1 }}
        >
          <Row gutter={16}>
            {n('gestationalWeeks', '出生孕周（周）', 'Gestation (weeks)', 20, 45)}
            {n('gestationalDays', '孕周（天）', 'Gestation (days)', 0, 6)}
            {n('birthWeightG', '出生体重（克）', 'Birth weight (g)', 300, 7000, 10)}
            {n('birthLengthCm', '出生身长（厘米）', 'Birth length (cm)', 20, 70, 0.1)}
            {n('apgar1', 'Apgar 1分钟', 'Apgar 1 min', 0, 10)}
            {n('apgar5', 'Apgar 5分钟', 'Apgar 5 min', 0, 10)}
            {n('multipleBirth', '胎数', 'Babies born', 1, 6)}
            {n('birthOrder', '出生顺序', 'Birth order', 1, 6)}
            <Col xs={12} md={6}>
              <Form.Item name="dischargedOn" label={pick('出院日期', 'Discharged on')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={9}>
              <Form.Item name="healthHandbookNo" label={pick('儿童保健手册编号', 'Health handbook no.')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={9}>
              <Form.Item name="vaccinationHandbookNo" label={pick('预防接种证编号', 'Vaccination handbook no.')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {pick('保存', 'Save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
