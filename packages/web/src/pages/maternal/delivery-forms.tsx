import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  TimePicker,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { useI18n } from '../../i18n/i18n-provider';
import { BIRTH_OUTCOMES, COMPLICATIONS, DELIVERY_MODES, DELIVERY_PLACES, END_REASONS, lbl } from './maternal-labels';
import { maternalApi, type Delivery, type Pregnancy } from './maternal.api';

const opts = (map: Record<string, readonly [string, string]>, lang: string, only?: string[]) =>
  Object.keys(map)
    .filter((k) => !only || only.includes(k))
    .map((value) => ({ value, label: lbl(map, value, lang) }));

interface Baby {
  outcome: string;
  sex: string;
  name?: string;
  weightG?: number;
  lengthCm?: number;
  apgar1?: number;
  apgar5?: number;
  apgar10?: number;
  defects?: string;
  resuscitation?: boolean;
  diedOn?: Dayjs;
  diedTime?: Dayjs;
}
interface DeliveryValues {
  deliveryDate: Dayjs;
  deliveryTime?: Dayjs;
  place: string;
  institutionId?: string | null;
  mode: string;
  caesareanIndication?: string;
  caesareanNoMedicalIndication?: boolean;
  complications?: string[];
  bloodLossMl?: number;
  maternalCondition: string;
  dischargedOn?: Dayjs;
  babies: Baby[];
}

/** The delivery record with each baby (a live birth creates the child). */
export function DeliveryForm(props: {
  pregnancy: Pregnancy;
  open: boolean;
  onClose(): void;
  onSaved(d: Delivery): void;
}) {
  const { pick, lang } = useI18n();
  const { modal } = AntApp.useApp();
  const [form] = Form.useForm<DeliveryValues>();
  const { applyToForm } = useApiFeedback();
  const idRef = useRef(newUuid());
  const mode = Form.useWatch('mode', form) as string | undefined;
  const babies = (Form.useWatch('babies', form) as Baby[] | undefined) ?? [];
  /** A delivery cannot be undone (each live birth becomes a person): confirm what will be created. */
  const confirmSave = (v: DeliveryValues) => {
    const live = v.babies.filter((b) => b.outcome === 'live_birth').length;
    modal.confirm({
      title: pick('确认保存分娩记录？', 'Save the delivery?'),
      content: pick(
        `保存后保健册转入产后管理，${live} 名活产儿将在人员档案中建档并由儿童保健接管；分娩记录保存后不能撤销。`,
        `The pregnancy moves to postpartum care and ${live} live-born child record(s) are created for child health care; a delivery cannot be undone.`,
      ),
      okText: pick('确认保存', 'Save'),
      cancelText: pick('返回修改', 'Back'),
      okButtonProps: { 'data-testid': 'delivery-confirm' } as ButtonProps,
      onOk: () => save.mutateAsync(v).catch(() => undefined),
    });
  };
  const save = useMutation({
    mutationFn: (v: DeliveryValues) =>
      maternalApi.deliver(props.pregnancy.id, {
        id: idRef.current,
        deliveryDate: v.deliveryDate.format('YYYY-MM-DD'),
        deliveryTime: v.deliveryTime?.format('HH:mm'),
        place: v.place,
        institutionId: v.institutionId ?? undefined,
        mode: v.mode,
        caesareanIndication: v.caesareanIndication || undefined,
        caesareanNoMedicalIndication: v.caesareanNoMedicalIndication ?? false,
        complications: v.complications ?? [],
        bloodLossMl: v.bloodLossMl,
        maternalCondition: v.maternalCondition,
        dischargedOn: v.dischargedOn?.format('YYYY-MM-DD'),
        babies: v.babies.map((b) => ({
          outcome: b.outcome,
          sex: b.sex,
          name: b.name || undefined,
          weightG: b.weightG,
          lengthCm: b.lengthCm,
          apgar1: b.apgar1,
          apgar5: b.apgar5,
          apgar10: b.apgar10,
          resuscitation: b.resuscitation ?? false,
          ...(b.outcome === 'live_birth' && b.diedOn
            ? { diedOn: b.diedOn.format('YYYY-MM-DD'), diedTime: b.diedTime?.format('HH:mm') }
            : {}),
          defects: b.defects
            ? b.defects
                .split(/[,，、]/)
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
        })),
      }),
    onSuccess: (d) => {
      idRef.current = newUuid();
      props.onSaved(d);
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open={props.open}
      width={960}
      title={pick('分娩记录', 'Delivery')}
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
          data-testid="delivery-save"
        >
          {pick('保存', 'Save')}
        </Button>,
      ]}
    >
      <Form<DeliveryValues>
        form={form}
        layout="vertical"
        initialValues={{
          deliveryDate: dayjs().subtract(1, 'day'),
          place: 'institution',
          mode: 'spontaneous',
          maternalCondition: 'good',
          babies: Array.from({ length: props.pregnancy.fetuses }, () => ({ outcome: 'live_birth', sex: 'female' })),
        }}
        onFinish={confirmSave}
      >
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="deliveryDate" label={pick('分娩日期', 'Date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} data-testid="delivery-date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="deliveryTime" label={pick('时间', 'Time')}>
              <TimePicker format="HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="place" label={pick('分娩地点', 'Place')}>
              <Select options={opts(DELIVERY_PLACES, lang)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="institutionId" label={pick('助产机构', 'Institution')}>
              <InstitutionSelect data-testid="delivery-institution" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="mode" label={pick('分娩方式', 'Mode')}>
              <Select options={opts(DELIVERY_MODES, lang)} data-testid="delivery-mode" />
            </Form.Item>
          </Col>
          {mode === 'caesarean' && (
            <>
              <Col xs={12} md={12}>
                <Form.Item name="caesareanIndication" label={pick('剖宫产指征', 'Indication')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name="caesareanNoMedicalIndication"
                  label={pick('无医学指征', 'No medical indication')}
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="complications" label={pick('并发症', 'Complications')}>
              <Select mode="multiple" allowClear options={opts(COMPLICATIONS, lang)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="bloodLossMl" label={pick('出血量(ml)', 'Blood loss (ml)')}>
              <InputNumber min={0} max={20000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="maternalCondition" label={pick('产妇情况', 'Mother')}>
              <Select
                options={[
                  { value: 'good', label: pick('良好', 'Good') },
                  { value: 'complicated', label: pick('有并发症', 'Complicated') },
                  { value: 'referred', label: pick('转诊', 'Referred') },
                  { value: 'died', label: pick('死亡', 'Died') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="dischargedOn" label={pick('出院日期', 'Discharged')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider plain>{pick('新生儿', 'Babies')}</Divider>
        <Form.List name="babies">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="bottom">
                  <Col xs={12} md={4}>
                    <Form.Item name={[f.name, 'outcome']} label={`${i + 1}. ${pick('结局', 'Outcome')}`}>
                      <Select options={opts(BIRTH_OUTCOMES, lang, ['live_birth', 'fetal_death', 'stillbirth'])} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[f.name, 'sex']} label={pick('性别', 'Sex')}>
                      <Radio.Group
                        options={[
                          { value: 'male', label: pick('男', 'M') },
                          { value: 'female', label: pick('女', 'F') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[f.name, 'weightG']} label={pick('体重(g)', 'Weight (g)')}>
                      <InputNumber min={100} max={8000} style={{ width: '100%' }} data-testid={`baby-${i}-weight`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[f.name, 'lengthCm']} label={pick('身长(cm)', 'Length (cm)')}>
                      <InputNumber min={15} max={70} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={2}>
                    <Form.Item name={[f.name, 'apgar1']} label="Apgar 1'">
                      <InputNumber min={0} max={10} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={2}>
                    <Form.Item name={[f.name, 'apgar5']} label="Apgar 5'">
                      <InputNumber min={0} max={10} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[f.name, 'defects']}
                      label={pick('出生缺陷（逗号分隔）', 'Defects (comma separated)')}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={1}>
                    {fields.length > 1 && (
                      <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginBottom: 32 }} />
                    )}
                  </Col>
                  <Col xs={6} md={2}>
                    <Form.Item name={[f.name, 'apgar10']} label="Apgar 10'">
                      <InputNumber min={0} max={10} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={3}>
                    <Form.Item
                      name={[f.name, 'resuscitation']}
                      label={pick('窒息复苏', 'Resuscitated')}
                      valuePropName="checked"
                    >
                      <Checkbox />
                    </Form.Item>
                  </Col>
                  {babies[i]?.outcome === 'live_birth' && (
                    <>
                      <Col xs={12} md={5}>
                        <Form.Item
                          name={[f.name, 'diedOn']}
                          label={pick('新生儿死亡日期（出院前死亡时填写）', 'Died on (if before discharge)')}
                        >
                          <DatePicker style={{ width: '100%' }} data-testid={`baby-${i}-died`} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={3}>
                        <Form.Item name={[f.name, 'diedTime']} label={pick('死亡时间', 'Time')}>
                          <TimePicker format="HH:mm" style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                    </>
                  )}
                  {i < fields.length - 1 && <Divider style={{ margin: '4px 0 12px' }} />}
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ outcome: 'live_birth', sex: 'female' })}>
                {pick('增加一个新生儿', 'Add a baby')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

interface PpValues {
  kind: string;
  visitDate: Dayjs;
  findings?: string;
  breastfeeding?: string;
  epds?: string;
  epdsAction?: string;
  contraceptionCounselled?: boolean;
  contraceptionMethod?: string;
  pelvicFloor?: string;
  assessment?: string;
  assess?: boolean;
  advice?: string;
}

/** Postpartum home visit / 42-day check, with EPDS and (optionally) the postpartum risk assessment. */
export function PostpartumForm(props: {
  pregnancyId: string;
  defaultKind: string;
  open: boolean;
  onClose(): void;
  onSaved(status: string): void;
}) {
  const { pick } = useI18n();
  const [form] = Form.useForm<PpValues>();
  const { applyToForm } = useApiFeedback();
  const idRef = useRef(newUuid());
  const save = useMutation({
    mutationFn: (v: PpValues) => {
      const epds = v.epds
        ?.split(/[\s,，]+/)
        .filter(Boolean)
        .map(Number);
      return maternalApi.addPostpartum(props.pregnancyId, {
        id: idRef.current,
        kind: v.kind,
        visitDate: v.visitDate.format('YYYY-MM-DD'),
        findings: v.findings || undefined,
        breastfeeding: v.breastfeeding,
        epdsScores: epds && epds.length ? epds : undefined,
        epdsAction: v.epdsAction || undefined,
        contraceptionCounselled: v.contraceptionCounselled,
        contraceptionMethod: v.contraceptionMethod || undefined,
        pelvicFloor: v.pelvicFloor,
        assessment: v.assessment,
        advice: v.advice || undefined,
        riskAssessment: v.assess ? { items: [] } : undefined,
      });
    },
    onSuccess: (r) => {
      idRef.current = newUuid();
      form.resetFields();
      props.onSaved(r.pregnancyStatus);
    },
    onError: (e) => applyToForm(form, e, { epdsScores: 'epds' }),
  });
  return (
    <Modal
      open={props.open}
      width={820}
      title={pick('产后访视 / 42天检查', 'Postpartum visit / 42-day check')}
      onCancel={props.onClose}
      footer={[
        <Button key="c" onClick={props.onClose}>
          {pick('取消', 'Cancel')}
        </Button>,
        <Button key="s" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="pp-save">
          {pick('保存', 'Save')}
        </Button>,
      ]}
    >
      <Form<PpValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: props.defaultKind, visitDate: dayjs(), assess: props.defaultKind !== 'extra' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={12}>
          <Col xs={12} md={8}>
            <Form.Item name="kind" label={pick('类型', 'Kind')}>
              <Select
                data-testid="pp-kind"
                options={[
                  { value: 'home_visit', label: pick('产后访视', 'Home visit') },
                  { value: 'day42_check', label: pick('产后42天检查', '42-day check') },
                  { value: 'extra', label: pick('其他随访', 'Other') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="visitDate" label={pick('日期', 'Date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} data-testid="pp-date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="breastfeeding" label={pick('喂养', 'Feeding')}>
              <Select
                allowClear
                options={[
                  { value: 'exclusive', label: pick('纯母乳', 'Exclusive') },
                  { value: 'mixed', label: pick('混合', 'Mixed') },
                  { value: 'formula', label: pick('人工', 'Formula') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="findings" label={pick('检查所见（乳房、恶露、子宫、伤口）', 'Findings')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="epds" label={pick('EPDS 10项得分（空格分隔）', 'EPDS 10 item scores')}>
              <Input placeholder="0 0 1 0 0 1 0 0 0 0" data-testid="pp-epds" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="epdsAction" label={pick('EPDS阳性的干预或转诊', 'Intervention or referral if positive')}>
              <Input data-testid="pp-epdsAction" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="pelvicFloor" label={pick('盆底功能', 'Pelvic floor')}>
              <Select
                allowClear
                data-testid="pp-pelvicFloor"
                options={[
                  { value: 'normal', label: pick('正常', 'Normal') },
                  { value: 'abnormal', label: pick('异常', 'Abnormal') },
                  { value: 'referred', label: pick('已转诊', 'Referred') },
                  { value: 'not_done', label: pick('未查', 'Not done') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="assessment" label={pick('产后评估', 'Assessment')}>
              <Select
                allowClear
                options={[
                  { value: 'recovered', label: pick('已恢复', 'Recovered') },
                  { value: 'abnormal', label: pick('异常', 'Abnormal') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="contraceptionCounselled"
              label={pick('避孕指导', 'Contraception counselling')}
              valuePropName="checked"
            >
              <Checkbox data-testid="pp-contraception" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="contraceptionMethod" label={pick('避孕方法', 'Contraceptive method')}>
              <Input placeholder={pick('如：宫内节育器、避孕套', 'e.g. IUD, condom')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="assess"
              label={pick(
                '同时进行产后风险评估（按系统计算结果确认）',
                'Postpartum risk assessment (confirm the computed colour)',
              )}
              valuePropName="checked"
            >
              <Switch data-testid="pp-assess" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="advice" label={pick('指导', 'Advice')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** Ends a pregnancy before delivery, or stops its management (transferred out, lost). */
export function EndForm(props: { pregnancy: Pregnancy; open: boolean; onClose(): void; onSaved(): void }) {
  const { pick, lang } = useI18n();
  const { modal } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string; endedOn: Dayjs; note?: string }>();
  const { applyToForm } = useApiFeedback();
  const save = useMutation({
    mutationFn: (v: { reason: string; endedOn: Dayjs; note?: string }) =>
      maternalApi.endPregnancy(props.pregnancy.id, {
        version: props.pregnancy.version,
        reason: v.reason,
        endedOn: v.endedOn.format('YYYY-MM-DD'),
        note: v.note || undefined,
      }),
    onSuccess: () => props.onSaved(),
    onError: (e) => applyToForm(form, e),
  });
  const reasons =
    props.pregnancy.status === 'antenatal'
      ? ['miscarriage', 'induced_abortion', 'ectopic', 'molar', 'transferred_out', 'lost_to_follow_up', 'other']
      : ['transferred_out', 'lost_to_follow_up', 'other'];
  return (
    <Modal
      open={props.open}
      title={pick('结束妊娠管理', 'End the pregnancy')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ endedOn: dayjs() }}
        onFinish={(v) =>
          modal.confirm({
            title: pick('确认结束该保健册？', 'End this pregnancy record?'),
            content: pick(
              `保健册将以"${lbl(END_REASONS, v.reason, lang)}"结案，在管的高危专案、母婴阻断和产前诊断随访一并结束；结案后不能再记录产检。`,
              `The record closes as "${lbl(END_REASONS, v.reason, lang)}", with its open case, PMTCT record and prenatal follow-ups; no more visits can be recorded.`,
            ),
            okText: pick('确认结束', 'End'),
            okButtonProps: { danger: true, 'data-testid': 'end-confirm' } as ButtonProps,
            cancelText: pick('取消', 'Cancel'),
            onOk: () => save.mutateAsync(v).catch(() => undefined),
          })
        }
      >
        <Form.Item name="reason" label={pick('原因', 'Reason')} rules={[{ required: true }]}>
          <Select options={opts(END_REASONS, lang, reasons)} data-testid="end-reason" />
        </Form.Item>
        <Form.Item name="endedOn" label={pick('日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={pick('说明', 'Note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space />
      </Form>
    </Modal>
  );
}
