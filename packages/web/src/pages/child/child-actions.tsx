import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api, request } from '../../api/client';
import { useHasPermission } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { CASE_KIND, lbl } from './child-labels';

/** Opens a case directly (e.g. rickets diagnosed) and, for PMTCT staff, registers the child as exposed. */
export function ChildActions(props: { personId: string; hasExposure: boolean; onChange(): void }) {
  const { lang, pick } = useI18n();
  const pmtct = useHasPermission('pmtct');
  const { applyToForm } = useApiFeedback();
  const [caseOpen, setCaseOpen] = useState(false);
  const [expOpen, setExpOpen] = useState(false);
  const [caseForm] = Form.useForm<{ kind: string; severity?: string; openedOn: Dayjs; note?: string }>();
  const [expForm] = Form.useForm<{ infections: string[]; highExposure: boolean }>();
  const openCase = useMutation({
    mutationFn: (v: { kind: string; severity?: string; openedOn: Dayjs; note?: string }) =>
      api.post(`/children/${props.personId}/cases`, { ...v, openedOn: v.openedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      setCaseOpen(false);
      props.onChange();
    },
    onError: (e) => applyToForm(caseForm, e),
  });
  const expose = useMutation({
    mutationFn: (v: { infections: string[]; highExposure: boolean }) =>
      request('PUT', `/children/${props.personId}/exposure`, { body: v }),
    onSuccess: () => {
      setExpOpen(false);
      props.onChange();
    },
    onError: (e) => applyToForm(expForm, e),
  });
  return (
    <>
      <Button onClick={() => setCaseOpen(true)}>{pick('建立专案', 'Open a case')}</Button>
      {pmtct && !props.hasExposure && (
        <Button onClick={() => setExpOpen(true)}>{pick('登记暴露儿童', 'Exposed infant')}</Button>
      )}
      <Modal
        open={caseOpen}
        title={pick('建立专案', 'Open a case')}
        onCancel={() => setCaseOpen(false)}
        onOk={() => caseForm.submit()}
        confirmLoading={openCase.isPending}
      >
        <Form
          form={caseForm}
          layout="vertical"
          initialValues={{ openedOn: dayjs() }}
          onFinish={(v) => openCase.mutate(v)}
        >
          <Form.Item name="kind" label={pick('专案类型', 'Kind')} rules={[{ required: true }]}>
            <Select options={Object.keys(CASE_KIND).map((k) => ({ value: k, label: lbl(CASE_KIND, k, lang) }))} />
          </Form.Item>
          <Form.Item name="severity" label={pick('程度/分期', 'Severity/stage')}>
            <Input placeholder={pick('如：活动期、中度', 'e.g. active, moderate')} />
          </Form.Item>
          <Form.Item name="openedOn" label={pick('建案日期', 'Opened on')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={pick('依据', 'Basis')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={expOpen}
        title={pick('登记暴露儿童', 'Exposed infant')}
        onCancel={() => setExpOpen(false)}
        onOk={() => expForm.submit()}
        confirmLoading={expose.isPending}
      >
        <Form
          form={expForm}
          layout="vertical"
          initialValues={{ highExposure: false }}
          onFinish={(v) => expose.mutate(v)}
        >
          <Form.Item name="infections" label={pick('母亲感染', "Mother's infections")} rules={[{ required: true }]}>
            <Checkbox.Group
              options={[
                { value: 'hiv', label: pick('艾滋病', 'HIV') },
                { value: 'syphilis', label: pick('梅毒', 'Syphilis') },
                { value: 'hbv', label: pick('乙肝', 'Hepatitis B') },
              ]}
            />
          </Form.Item>
          <Form.Item name="highExposure" label={pick('HIV高暴露风险', 'High HIV exposure')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
