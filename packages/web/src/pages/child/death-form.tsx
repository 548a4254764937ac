import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';

interface Values {
  deathDate: Dayjs;
  deathPlace: string;
  careBeforeDeath?: string;
  diagnosisLevel?: string;
  diagnosisBasis?: string;
  causeA?: string;
  underlyingCause: string;
  icd10: string;
}

/** 5岁以下儿童死亡报告卡 (WS 376.5 fields) as a modal on the child's page. */
export function DeathForm(props: { personId: string; open: boolean; onClose(): void; onSaved(): void }) {
  const { pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const { applyToForm } = useApiFeedback();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post(`/children/${props.personId}/death`, { ...v, deathDate: v.deathDate.format('YYYY-MM-DD') }),
    onSuccess: props.onSaved,
    onError: (e) => applyToForm(form, e),
  });
  const opts = (pairs: [string, string, string][]) => pairs.map(([value, zh, en]) => ({ value, label: pick(zh, en) }));
  const hospital: [string, string, string][] = [
    ['provincial_city_hospital', '省（市）医院', 'Provincial/city hospital'],
    ['county_hospital', '区县医院', 'County hospital'],
    ['township_hc', '乡镇卫生院', 'Township health centre'],
    ['village_clinic', '村卫生室', 'Village clinic'],
  ];
  return (
    <Modal
      open={props.open}
      title={pick('5岁以下儿童死亡报告卡', 'Under-5 death report')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="deathDate" label={pick('死亡日期', 'Date of death')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="deathPlace" label={pick('死亡地点', 'Place of death')} rules={[{ required: true }]}>
          <Select
            options={opts([
              ...hospital,
              ['home', '家中', 'Home'],
              ['en_route', '途中', 'En route'],
              ['other', '其他', 'Other'],
            ])}
          />
        </Form.Item>
        <Form.Item name="careBeforeDeath" label={pick('死前治疗', 'Care before death')}>
          <Select allowClear options={opts([...hospital, ['none', '未治疗', 'None']])} />
        </Form.Item>
        <Form.Item name="diagnosisLevel" label={pick('最高诊断单位', 'Highest diagnosing level')}>
          <Select
            allowClear
            options={opts([
              ['provincial_city', '省（市）', 'Province/city'],
              ['county', '区县', 'County'],
              ['township', '乡镇', 'Township'],
              ['village', '村', 'Village'],
              ['none', '未就诊', 'None'],
            ])}
          />
        </Form.Item>
        <Form.Item name="diagnosisBasis" label={pick('诊断依据', 'Basis')}>
          <Select
            allowClear
            options={opts([
              ['autopsy', '尸检', 'Autopsy'],
              ['pathology', '病理', 'Pathology'],
              ['clinical', '临床', 'Clinical'],
              ['inferred', '推断', 'Inferred'],
            ])}
          />
        </Form.Item>
        <Form.Item name="causeA" label={pick('直接死因', 'Immediate cause')}>
          <Input />
        </Form.Item>
        <Form.Item name="underlyingCause" label={pick('根本死因', 'Underlying cause')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="icd10" label="ICD-10" rules={[{ required: true }]}>
          <Input placeholder="P07.3" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
