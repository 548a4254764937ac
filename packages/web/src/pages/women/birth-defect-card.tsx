import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { BIRTH_DEFECT_CATEGORIES, birthDefectCategoryForIcd10 } from '@fuyou/core/women/index';
import { newUuid } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { useI18n } from '../../i18n/i18n-provider';
import { PersonPicker } from './person-picker';
import { birthDefectApi, type BirthDefectDraft, type BirthDefectReport } from './women.api';
import { DEFECT_BASIS, DEFECT_CATEGORY, DEFECT_OUTCOME, DEFECT_TIME, SEX, lab, options } from './women-labels';

/** Form values of a card. */
export interface CardValues {
  motherPersonId?: string;
  birthDate?: Dayjs;
  gestationalWeeks?: number;
  gestationalDays?: number;
  birthWeightG?: number;
  sex?: string;
  outcome?: string;
  deathDate?: Dayjs;
  defects?: { icd10?: string; description?: string }[];
  diagnosisBasis?: string[];
  diagnosisTime?: string;
  diagnosisDate?: Dayjs;
  institutionId?: string | null;
  reporter?: string;
  note?: string;
}

const d = (s: string | null | undefined) => (s ? dayjs(s) : undefined);
const iso = (v: Dayjs | undefined) => v?.format('YYYY-MM-DD');

/** Card values (server shape) → form values. */
export function toForm(v: Partial<BirthDefectReport> | BirthDefectDraft['values']): CardValues {
  return {
    motherPersonId: v.motherPersonId ?? undefined,
    birthDate: d(v.birthDate),
    gestationalWeeks: v.gestationalWeeks ?? undefined,
    gestationalDays: v.gestationalDays ?? undefined,
    birthWeightG: v.birthWeightG ?? undefined,
    sex: v.sex ?? 'unknown',
    outcome: v.outcome ?? undefined,
    deathDate: d(v.deathDate),
    defects: (v.defects ?? []).map((x) => ({ icd10: x.icd10, description: x.description ?? undefined })),
    diagnosisBasis: v.diagnosisBasis ?? [],
    diagnosisTime: v.diagnosisTime ?? undefined,
    diagnosisDate: d(v.diagnosisDate),
    institutionId: v.institutionId ?? null,
    reporter: v.reporter ?? undefined,
    note: v.note ?? undefined,
  };
}

/** Form values → request body (empty fields left out, so the server's prefill stands). */
export function toBody(v: CardValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    motherPersonId: v.motherPersonId,
    birthDate: iso(v.birthDate),
    gestationalWeeks: v.gestationalWeeks ?? undefined,
    gestationalDays:
      v.gestationalWeeks !== undefined && v.gestationalWeeks !== null ? (v.gestationalDays ?? 0) : undefined,
    birthWeightG: v.birthWeightG ?? undefined,
    sex: v.sex,
    outcome: v.outcome,
    deathDate: v.outcome === 'early_neonatal_death' ? iso(v.deathDate) : undefined,
    defects: (v.defects ?? [])
      .filter((x) => x.icd10)
      .map((x) => ({ icd10: x.icd10!.trim().toUpperCase(), description: x.description?.trim() || undefined })),
    diagnosisBasis: v.diagnosisBasis?.length ? v.diagnosisBasis : undefined,
    diagnosisTime: v.diagnosisTime,
    diagnosisDate: iso(v.diagnosisDate),
    institutionId: v.institutionId ?? undefined,
    reporter: v.reporter || undefined,
    note: v.note || undefined,
  };
  if (Array.isArray(body.defects) && body.defects.length === 0) delete body.defects;
  return body;
}

/** The category a typed ICD-10 code falls in (shown beside the code). */
function CategoryHint(props: { form: FormInstance<CardValues>; index: number }) {
  const { lang, pick } = useI18n();
  const code = Form.useWatch(['defects', props.index, 'icd10'], props.form) as string | undefined;
  const c = code ? birthDefectCategoryForIcd10(code) : null;
  return (
    <Typography.Text type={c ? 'secondary' : 'danger'} data-testid={`bd-category-${props.index}`}>
      {code ? (c ? `${c.no}. ${lab(DEFECT_CATEGORY, c.code, lang)}` : pick('非Q编码', 'not a Q code')) : ''}
    </Typography.Text>
  );
}

/** The fields of a card (mother, birth, outcome, defects with ICD-10, diagnosis). */
export function CardFields(props: { form: FormInstance<CardValues>; motherFixed?: boolean }) {
  const { lang, pick } = useI18n();
  const outcome = Form.useWatch('outcome', props.form) as string | undefined;
  const [category, setCategory] = useState<string | null>(null);
  return (
    <>
      <Form.Item name="motherPersonId" label={pick('母亲', 'Mother')} rules={[{ required: true }]}>
        <PersonPicker sex="female" disabled={props.motherFixed} data-testid="bd-mother" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="birthDate"
            label={pick('妊娠结束（出生）日期', 'Date the pregnancy ended')}
            rules={[{ required: true }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="bd-birth-date" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="gestationalWeeks" label={pick('孕周', 'Weeks')}>
            <InputNumber min={12} max={45} style={{ width: '100%' }} data-testid="bd-ga-weeks" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="gestationalDays" label={pick('天', 'Days')}>
            <InputNumber min={0} max={6} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="birthWeightG" label={pick('出生体重(g)', 'Weight (g)')}>
            <InputNumber min={100} max={8000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="sex" label={pick('性别', 'Sex')}>
            <Radio.Group options={options(SEX, lang)} optionType="button" />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="outcome" label={pick('结局', 'Outcome')} rules={[{ required: true }]}>
            <Select options={options(DEFECT_OUTCOME, lang)} data-testid="bd-outcome" />
          </Form.Item>
        </Col>
        {outcome === 'early_neonatal_death' && (
          <Col span={7}>
            <Form.Item name="deathDate" label={pick('死亡日期', 'Date of death')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Typography.Text strong>{pick('出生缺陷（ICD-10 Q编码）', 'Defects (ICD-10 chapter Q)')}</Typography.Text>
      <Form.List name="defects">
        {(fields, { add, remove }) => (
          <div data-testid="bd-defects" style={{ marginTop: 8 }}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item
                  name={[f.name, 'icd10']}
                  rules={[
                    { required: true, message: pick('请填写编码', 'Give the code') },
                    { pattern: /^[Qq]\d{2}(\.\d{1,2})?$/, message: pick('如 Q35.9', 'e.g. Q35.9') },
                  ]}
                >
                  <Input placeholder="Q35.9" style={{ width: 110 }} data-testid={`bd-icd-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'description']}>
                  <Input placeholder={pick('病名或描述', 'Name or description')} style={{ width: 220 }} />
                </Form.Item>
                <CategoryHint form={props.form} index={f.name} />
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={pick('删除', 'Remove')} />
              </Space>
            ))}
            <Space style={{ marginBottom: 16 }}>
              <Select
                style={{ width: 300 }}
                placeholder={pick('按监测类别添加', 'Add by surveillance category')}
                value={category}
                showSearch
                optionFilterProp="label"
                data-testid="bd-add-category"
                onChange={(c: string) => {
                  const cat = BIRTH_DEFECT_CATEGORIES.find((x) => x.code === c);
                  add({ icd10: cat?.icd10[0] ?? '', description: cat?.code === 'other' ? '' : undefined });
                  setCategory(null);
                }}
                options={BIRTH_DEFECT_CATEGORIES.map((c) => ({
                  value: c.code,
                  label: `${c.no}. ${lang === 'en-US' ? c.en : c.zh}${c.icd10Display ? `（${c.icd10Display}）` : ''}`,
                }))}
              />
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {pick('填写编码', 'Enter a code')}
              </Button>
            </Space>
          </div>
        )}
      </Form.List>
      <Form.Item name="diagnosisBasis" label={pick('诊断依据', 'Diagnosis basis')} rules={[{ required: true }]}>
        <Checkbox.Group options={options(DEFECT_BASIS, lang)} data-testid="bd-basis" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="diagnosisTime" label={pick('诊断时间', 'Diagnosed')}>
            <Radio.Group options={options(DEFECT_TIME, lang)} optionType="button" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="diagnosisDate" label={pick('诊断日期', 'Diagnosis date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="institutionId" label={pick('报告机构', 'Reporting institution')}>
            <InstitutionSelect />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="reporter" label={pick('填报人', 'Reporter')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={pick('备注', 'Note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}

/** Where a new card comes from. */
export interface CardSource {
  deliveryId?: string | undefined;
  birthOutcomeId?: string | undefined;
  prenatalDiagnosisId?: string | undefined;
}

/**
 * The new-card dialog: prefilled from the delivery / baby / prenatal diagnosis (the server's draft), or empty for a
 * card entered by hand; when the baby already has a card it links to that card instead.
 */
export function BirthDefectCardModal(props: {
  open: boolean;
  source: CardSource | null;
  onClose(): void;
  onSaved?(r: BirthDefectReport): void;
}) {
  const { lang, pick } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<CardValues>();
  const { applyToForm } = useApiFeedback();
  const idRef = useRef(newUuid());
  const [baby, setBaby] = useState<string | undefined>(props.source?.birthOutcomeId);
  const src = props.source ? { ...props.source, birthOutcomeId: baby ?? props.source.birthOutcomeId } : null;
  const fromRecord = !!(src?.deliveryId || src?.birthOutcomeId || src?.prenatalDiagnosisId);
  const draft = useQuery({
    queryKey: ['birth-defects', 'draft', src],
    queryFn: () => birthDefectApi.draft({ ...src }),
    enabled: props.open && fromRecord,
    gcTime: 0,
  });
  useEffect(() => {
    if (!props.open) return;
    idRef.current = newUuid();
    if (!fromRecord) {
      form.resetFields();
      form.setFieldsValue({ sex: 'unknown', defects: [], diagnosisBasis: [], diagnosisDate: dayjs() });
    }
  }, [props.open, fromRecord, form]);
  useEffect(() => {
    if (draft.data) {
      form.resetFields();
      form.setFieldsValue(toForm(draft.data.values));
    }
  }, [draft.data, form]);
  const save = useMutation({
    mutationFn: (v: CardValues) =>
      birthDefectApi.create({
        id: idRef.current,
        deliveryId: src?.deliveryId,
        birthOutcomeId: draft.data?.values.birthOutcomeId ?? src?.birthOutcomeId,
        prenatalDiagnosisId: src?.prenatalDiagnosisId,
        ...toBody(v),
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['birth-defects'] });
      props.onSaved?.(r);
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  const dr = draft.data;
  const existing = dr?.existingReportId ?? null;
  const needBaby = !!dr && dr.babies.length > 1 && !dr.values.birthOutcomeId;
  return (
    <Modal
      open={props.open}
      width={820}
      title={pick('出生缺陷儿登记卡', 'Birth-defect report card')}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        existing
          ? [
              <Button key="c" onClick={props.onClose}>
                {pick('关闭', 'Close')}
              </Button>,
            ]
          : [
              <Button key="c" onClick={props.onClose}>
                {pick('取消', 'Cancel')}
              </Button>,
              <Button
                key="s"
                type="primary"
                loading={save.isPending}
                disabled={fromRecord && !dr}
                onClick={() => form.submit()}
                data-testid="bd-submit"
              >
                {pick('提交登记卡', 'File the card')}
              </Button>,
            ]
      }
    >
      <div data-testid="bd-card-modal">
        {fromRecord && draft.isLoading && <Skeleton active />}
        {draft.isError && <Alert type="error" showIcon message={pick('无法读取来源记录', 'Cannot read the record')} />}
        {existing && (
          <Alert
            type="info"
            showIcon
            data-testid="bd-existing"
            message={pick('该胎儿/新生儿已有出生缺陷登记卡', 'This baby already has a card')}
            action={<Link to={`/women/birth-defects/${existing}`}>{pick('查看', 'Open')}</Link>}
          />
        )}
        {dr && !existing && (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {pick('来源', 'From')}：
              {dr.values.source === 'delivery'
                ? pick('分娩记录', 'delivery record')
                : pick('产前诊断', 'prenatal diagnosis')}{' '}
              · {dr.motherName}
              {dr.prenatalResult ? ` · ${pick('产前诊断结果', 'result')}：${dr.prenatalResult}` : ''}
            </Typography.Text>
            {needBaby && (
              <Select
                style={{ width: 320 }}
                placeholder={pick('多胎：请选择胎儿/新生儿', 'Multiple birth: choose the baby')}
                value={baby}
                onChange={setBaby}
                data-testid="bd-baby"
                options={dr.babies.map((b) => ({
                  value: b.id,
                  label: `${pick('第', '#')}${b.birthOrder}${pick('胎', '')} · ${b.defects.join('、') || pick('无缺陷记录', 'no defect noted')}`,
                }))}
              />
            )}
            {dr.unmatchedDefects.length > 0 && (
              <Alert
                type="warning"
                showIcon
                message={pick(
                  `分娩记录中的缺陷“${dr.unmatchedDefects.join('、')}”没有ICD-10编码，请按类别添加或填写Q编码`,
                  `Defects without an ICD-10 code in the delivery record: ${dr.unmatchedDefects.join(', ')}`,
                )}
              />
            )}
            {!dr.pregnancyEnded && (
              <Alert
                type="warning"
                showIcon
                message={pick(
                  '妊娠尚未结束：出生缺陷监测登记的是孕满28周至生后7天的围产儿，请在分娩或治疗性引产后填报',
                  'The pregnancy has not ended: the card is filed after the birth or termination',
                )}
              />
            )}
          </Space>
        )}
        {!existing && (!fromRecord || dr) && (
          <Form<CardValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
            <CardFields form={form} motherFixed={fromRecord} />
          </Form>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pick(
            `监测范围：孕满28周（孕周不详时出生体重≥1000克）至生后7天，含死胎死产和产前诊断后的治疗性引产。${lab(DEFECT_OUTCOME, 'termination', lang)}须为产前诊断。`,
            'Surveillance: from 28 weeks (or ≥1000 g) to 7 days after birth, incl. stillbirths and terminations after prenatal diagnosis.',
          )}
        </Typography.Text>
      </div>
    </Modal>
  );
}

/**
 * A button that files (or opens) the birth-defect card of a baby of a delivery or of a prenatal diagnosis; the
 * maternal pages place it beside the baby / the diagnosis.
 */
export function BirthDefectCardButton(props: CardSource & { size?: 'small' | 'middle'; 'data-testid'?: string }) {
  const { pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<BirthDefectReport | null>(null);
  if (saved) {
    return (
      <Link to={`/women/birth-defects/${saved.id}`} data-testid="bd-card-link">
        {pick('已填报缺陷卡', 'Card filed')}
      </Link>
    );
  }
  return (
    <>
      <Button
        size={props.size ?? 'small'}
        onClick={() => setOpen(true)}
        data-testid={props['data-testid'] ?? 'bd-card-new'}
      >
        {pick('填报出生缺陷卡', 'Report birth defect')}
      </Button>
      {open && (
        <BirthDefectCardModal
          open={open}
          source={{
            deliveryId: props.deliveryId,
            birthOutcomeId: props.birthOutcomeId,
            prenatalDiagnosisId: props.prenatalDiagnosisId,
          }}
          onClose={() => setOpen(false)}
          onSaved={setSaved}
        />
      )}
    </>
  );
}
