import { useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { RegionPicker } from '../../components/region-picker';
import { useI18n } from '../../i18n/i18n-provider';
import { childApi } from './child.api';

interface Values {
  name: string;
  sex: 'male' | 'female';
  birthDate: Dayjs;
  birthTime?: Dayjs;
  residenceRegionCode: string;
  registrationReason: string;
  gestationalWeeks?: number;
  gestationalDays?: number;
  birthWeightG?: number;
  birthLengthCm?: number;
  apgar1?: number;
  apgar5?: number;
  multipleBirth?: number;
  birthOrder?: number;
  healthHandbookNo?: string;
  vaccinationHandbookNo?: string;
  address?: string;
}

/** Register a child directly (born elsewhere, moved in): the person and the birth data in one form. */
export function ChildRegisterPage() {
  const me = useCurrentUser();
  const { pick } = useI18n();
  const navigate = useNavigate();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<Values>();
  const idRef = useRef(newUuid());
  const save = useMutation({
    mutationFn: (v: Values) =>
      childApi.register({
        id: idRef.current,
        ...v,
        birthDate: v.birthDate.format('YYYY-MM-DD'),
        birthTime: v.birthTime ? v.birthTime.format('HH:mm') : undefined,
      }),
    onSuccess: (r) => navigate(`/children/${r.person.id}`),
    onError: (e) => applyToForm(form, e),
  });
  const num = (name: keyof Values, zh: string, en: string, min: number, max: number, step = 1) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={pick(zh, en)}>
        <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} data-testid={`child-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <PageHeader
        title={pick('登记儿童', 'Register a child')}
        breadcrumb={[{ title: pick('儿童保健', 'Child health'), to: '/children' }, { title: pick('登记', 'Register') }]}
      />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ registrationReason: 'born_elsewhere', multipleBirth: 1 }}
          onFinish={(v) => save.mutate(v)}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="name"
                label={pick('姓名', 'Name')}
                rules={[{ required: true, message: pick('请填写姓名', 'Enter the name') }]}
              >
                <Input data-testid="child-name" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="sex"
                label={pick('性别', 'Sex')}
                rules={[{ required: true, message: pick('请选择性别', 'Choose the sex') }]}
              >
                <Radio.Group data-testid="child-sex">
                  <Radio value="male">{pick('男', 'Male')}</Radio>
                  <Radio value="female">{pick('女', 'Female')}</Radio>
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item
                name="birthDate"
                label={pick('出生日期', 'Birth date')}
                rules={[{ required: true, message: pick('请选择出生日期', 'Choose the date') }]}
              >
                <DatePicker style={{ width: '100%' }} data-testid="child-birthDate" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="birthTime" label={pick('出生时间', 'Birth time')}>
                <TimePicker format="HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="residenceRegionCode"
                label={pick('现住址', 'Residence')}
                rules={[{ required: true, message: pick('请选择现住址', 'Choose the residence') }]}
              >
                <RegionPicker counties={me.counties} data-testid="child-residence" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="registrationReason" label={pick('登记原因', 'Why registered here')}>
                <Select
                  options={[
                    { value: 'born_elsewhere', label: pick('外地出生', 'Born elsewhere') },
                    { value: 'moved_in', label: pick('迁入', 'Moved in') },
                    { value: 'born_here', label: pick('本地出生', 'Born here') },
                    { value: 'other', label: pick('其他', 'Other') },
                  ]}
                />
              </Form.Item>
            </Col>
            {num('gestationalWeeks', '出生孕周（周）', 'Gestation (weeks)', 20, 45)}
            {num('gestationalDays', '孕周（天）', 'Gestation (days)', 0, 6)}
            {num('birthWeightG', '出生体重（克）', 'Birth weight (g)', 300, 7000, 10)}
            {num('birthLengthCm', '出生身长（厘米）', 'Birth length (cm)', 20, 70, 0.1)}
            {num('apgar1', 'Apgar 1分钟', 'Apgar 1 min', 0, 10)}
            {num('apgar5', 'Apgar 5分钟', 'Apgar 5 min', 0, 10)}
            {num('multipleBirth', '胎数', 'Babies born', 1, 6)}
            {num('birthOrder', '出生顺序', 'Birth order', 1, 6)}
            <Col xs={24} md={12}>
              <Form.Item name="healthHandbookNo" label={pick('儿童保健手册编号', 'Health handbook no.')}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="vaccinationHandbookNo" label={pick('预防接种证编号', 'Vaccination handbook no.')}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="child-submit">
            {pick('保存', 'Save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
