import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  TimePicker,
} from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { searchPeople } from '../../api/people.api';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import {
  BIRTH_ATTENDANTS,
  DEATH_PLACES,
  DELIVERY_MODES,
  DIAGNOSIS_BASIS,
  PERINATAL_KINDS,
  lbl,
  type Pair,
} from './maternal-labels';
import { maternalApi, type MaternalDeath, type PerinatalDeath, type PerinatalReview } from './maternal.api';
import {
  CONCLUSIONS,
  LEVEL_ORDER,
  LEVELS,
  ReviewFields,
  ReviewSummary,
  reviewBody,
  reviewFormValues,
  type ReviewFormValues,
} from './review-fields';

type Dialog = null | { card: MaternalDeath | null } | { review: MaternalDeath };

const DATE_FIELDS = ['deathDate', 'deliveryDate', 'lmp'] as const;
const TIME_FIELDS = ['deathTime', 'deliveryTime'] as const;

/** Form values of a card from its DTO (dates and times as dayjs). */
function cardValues(d: MaternalDeath): Record<string, unknown> {
  const v: Record<string, unknown> = { ...d };
  for (const k of DATE_FIELDS) v[k] = d[k] ? dayjs(d[k]) : undefined;
  for (const k of TIME_FIELDS) v[k] = d[k] ? dayjs(`2000-01-01T${d[k]}`) : undefined;
  for (const [k, x] of Object.entries(v)) if (x === null) v[k] = undefined;
  return v;
}

/** The request body of a card from the form (empty fields left out, so a correction never blanks a value). */
function cardBody(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const skip = new Set(['familyPhoneMasked']);
  for (const [k, x] of Object.entries(v)) {
    if (skip.has(k) || x === undefined || x === null || x === '') continue;
    if ((DATE_FIELDS as readonly string[]).includes(k)) out[k] = (x as Dayjs).format('YYYY-MM-DD');
    else if ((TIME_FIELDS as readonly string[]).includes(k)) out[k] = (x as Dayjs).format('HH:mm');
    else out[k] = x;
  }
  return out;
}

/** The report card form (孕产妇死亡报告卡, REFERENCE §4): woman, history, antenatal care, delivery, death and cause. */
function CardForm({ editing }: { editing: MaternalDeath | null }) {
  const { pick, lang } = useI18n();
  const [who, setWho] = useState('');
  const people = useQuery({
    queryKey: ['people', 'death-pick', who],
    queryFn: () => searchPeople(who, 1, 20),
    enabled: !!who && !editing,
  });
  const opts = (m: Record<string, Pair>) => Object.keys(m).map((k) => ({ value: k, label: lbl(m, k, lang) }));
  const yesNo = (zh: [string, string], en: [string, string]) => [
    { value: true, label: pick(zh[0], en[0]) },
    { value: false, label: pick(zh[1], en[1]) },
  ];
  const col = (node: React.ReactNode, span = 8) => (
    <Col xs={24} md={span}>
      {node}
    </Col>
  );
  return (
    <>
      <Row gutter={12}>
        {col(
          <Form.Item name="personId" label={pick('死者（个人主索引）', 'The woman')} rules={[{ required: true }]}>
            {editing ? (
              <Select disabled options={[{ value: editing.personId, label: editing.womanName ?? editing.personId }]} />
            ) : (
              <Select
                showSearch
                filterOption={false}
                onSearch={setWho}
                data-testid="death-person"
                placeholder={pick('输入姓名或证件号查找', 'Search by name or ID')}
                options={(people.data?.items ?? [])
                  .filter((p) => p.sex === 'female')
                  .map((p) => ({ value: p.id, label: `${p.name} ${p.birthDate ?? ''} ${p.idNumberMasked ?? ''}` }))}
              />
            )}
          </Form.Item>,
          12,
        )}
        {col(
          <Form.Item
            name="familyPhone"
            label={pick('家属电话', 'Family phone')}
            extra={
              editing?.familyPhoneMasked ? `${pick('已登记', 'On file')}：${editing.familyPhoneMasked}` : undefined
            }
          >
            <Input placeholder={pick('11位手机号', 'Mobile number')} />
          </Form.Item>,
          12,
        )}
        {col(
          <Form.Item name="hukouLocal" label={pick('户籍', 'Hukou')}>
            <Select allowClear options={yesNo(['本地', '非本地'], ['Local', 'Not local'])} />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="planned" label={pick('计划内外', 'Planned')}>
            <Select allowClear options={yesNo(['计划内', '计划外'], ['Planned', 'Unplanned'])} />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="education" label={pick('文化程度', 'Education')}>
            <Input />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="incomeBand" label={pick('家庭人均年收入', 'Income per head')}>
            <Input />
          </Form.Item>,
          6,
        )}
      </Row>
      <Divider plain>
        {pick('孕产史与产前检查（已从保健册预填，请核对）', 'History and antenatal care (prefilled)')}
      </Divider>
      <Row gutter={12}>
        {col(
          <Form.Item name="gravidity" label={pick('孕次', 'Gravidity')}>
            <InputNumber min={1} max={30} style={{ width: '100%' }} />
          </Form.Item>,
          4,
        )}
        {col(
          <Form.Item name="parity" label={pick('产次', 'Parity')}>
            <InputNumber min={0} max={20} style={{ width: '100%' }} />
          </Form.Item>,
          4,
        )}
        {col(
          <Form.Item name="inducedAbortions" label={pick('人工流产引产次数', 'Induced abortions')}>
            <InputNumber min={0} max={30} style={{ width: '100%' }} />
          </Form.Item>,
          5,
        )}
        {col(
          <Form.Item name="lmp" label={pick('末次月经', 'LMP')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>,
          5,
        )}
        {col(
          <Form.Item name="antenatalCare" label={pick('产前检查', 'Antenatal care')}>
            <Select allowClear options={yesNo(['有', '无'], ['Yes', 'No'])} />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="firstVisitGaWeeks" label={pick('初检孕周', 'First visit (weeks)')}>
            <InputNumber min={0} max={45} style={{ width: '100%' }} />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="visitCount" label={pick('产检次数', 'Visits')}>
            <InputNumber min={0} max={50} style={{ width: '100%' }} />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="lastVisitInstitution" label={pick('末次产检机构', 'Last visit at')}>
            <Input />
          </Form.Item>,
          12,
        )}
        {col(
          <Form.Item name="firstInstitution" label={pick('首诊医院', 'First institution')}>
            <Input />
          </Form.Item>,
          12,
        )}
        {col(
          <Form.Item name="referred" label={pick('是否转诊', 'Referred')}>
            <Select allowClear options={yesNo(['是', '否'], ['Yes', 'No'])} />
          </Form.Item>,
          6,
        )}
      </Row>
      <Divider plain>{pick('分娩', 'Delivery')}</Divider>
      <Row gutter={12}>
        {col(
          <Form.Item name="deliveryDate" label={pick('分娩日期', 'Delivery date')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="deliveryTime" label={pick('分娩时间', 'Time')}>
            <TimePicker format="HH:mm" style={{ width: '100%' }} />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="deliveryPlace" label={pick('分娩地点', 'Delivery place')}>
            <Select allowClear options={opts(DEATH_PLACES)} />
          </Form.Item>,
          12,
        )}
        {col(
          <Form.Item name="deliveryMode" label={pick('分娩方式', 'Mode')}>
            <Select allowClear options={opts(DELIVERY_MODES)} />
          </Form.Item>,
          8,
        )}
        {col(
          <Form.Item name="newMethodDelivery" label={pick('新法接生', 'Modern delivery')}>
            <Select allowClear options={yesNo(['是', '否'], ['Yes', 'No'])} />
          </Form.Item>,
          8,
        )}
        {col(
          <Form.Item name="birthAttendant" label={pick('接生者', 'Attendant')}>
            <Select allowClear options={opts(BIRTH_ATTENDANTS)} />
          </Form.Item>,
          8,
        )}
      </Row>
      <Divider plain>{pick('死亡', 'Death')}</Divider>
      <Row gutter={12}>
        {col(
          <Form.Item
            name="deathDate"
            label={pick('死亡日期', 'Date')}
            rules={[{ required: true }]}
            initialValue={editing ? undefined : dayjs()}
          >
            <DatePicker style={{ width: '100%' }} data-testid="death-date" />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="deathTime" label={pick('死亡时间', 'Time')}>
            <TimePicker format="HH:mm" style={{ width: '100%' }} />
          </Form.Item>,
          6,
        )}
        {col(
          <Form.Item name="deathPlace" label={pick('死亡地点', 'Place')} rules={[{ required: true }]}>
            <Select options={opts(DEATH_PLACES)} data-testid="death-place" />
          </Form.Item>,
          12,
        )}
        {col(
          <Form.Item name="causeA" label={pick('直接死因 (a)', 'Cause (a)')}>
            <Input />
          </Form.Item>,
        )}
        {col(
          <Form.Item name="causeB" label={pick('(b) 引起(a)的疾病', 'Cause (b)')}>
            <Input />
          </Form.Item>,
        )}
        {col(
          <Form.Item name="causeC" label={pick('(c) 引起(b)的疾病', 'Cause (c)')}>
            <Input />
          </Form.Item>,
        )}
        {col(
          <Form.Item name="underlyingCause" label={pick('根本死因', 'Underlying cause')} rules={[{ required: true }]}>
            <Input data-testid="death-cause" />
          </Form.Item>,
          10,
        )}
        {col(
          <Form.Item name="icd10" label="ICD-10" rules={[{ required: true }]}>
            <Input placeholder="O72.1" data-testid="death-icd10" />
          </Form.Item>,
          5,
        )}
        {col(
          <Form.Item name="diagnosisBasis" label={pick('诊断依据', 'Basis')}>
            <Select allowClear options={opts(DIAGNOSIS_BASIS)} />
          </Form.Item>,
          5,
        )}
        {col(
          <Form.Item name="reporter" label={pick('报告人', 'Reporter')}>
            <Input />
          </Form.Item>,
          4,
        )}
      </Row>
    </>
  );
}

/** Perinatal and neonatal deaths recorded at delivery, for the review (the child's card feeds the child review). */
function PerinatalDeaths() {
  const { t, pick, lang } = useI18n();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm();
  const [from, setFrom] = useState<Dayjs | null>(dayjs().subtract(1, 'year'));
  const [review, setReview] = useState<'pending' | 'reviewed' | undefined>(undefined);
  const [reviewing, setReviewing] = useState<PerinatalDeath | null>(null);
  const q = useQuery({
    queryKey: ['maternal', 'perinatal', from?.format('YYYY-MM-DD'), review],
    queryFn: () => maternalApi.perinatalDeaths({ from: from?.format('YYYY-MM-DD'), review }),
  });
  const supervise = me.permissions.includes('care.supervise');
  const level = Form.useWatch('level', form) as string | undefined;
  const current = reviewing?.reviews.find((x) => x.level === level);
  /** Fills the form with a level's review (to change it), or leaves it blank for a new review at that level. */
  const showLevel = (r: PerinatalDeath, l: string) => {
    const made = r.reviews.find((x) => x.level === l);
    form.resetFields();
    form.setFieldsValue(made ? reviewFormValues(made) : { level: l });
  };
  const openReview = (r: PerinatalDeath) => {
    setReviewing(r);
    // the next level up that has not reviewed it yet; the highest level's review when all three have
    const next = LEVEL_ORDER.find((l) => !r.reviews.some((x) => x.level === l)) ?? LEVEL_ORDER[LEVEL_ORDER.length - 1];
    setTimeout(() => showLevel(r, next as string));
  };
  const save = useMutation({
    mutationFn: (v: ReviewFormValues) => {
      const r = reviewing as PerinatalDeath;
      // the version of this level's review when changing it; none for a new review at this level
      const made = r.reviews.find((x) => x.level === v.level);
      return maternalApi.reviewPerinatalDeath(r.id, { ...reviewBody(v), ...(made ? { version: made.version } : {}) });
    },
    onSuccess: () => {
      void message.success(pick('评审已保存', 'Review saved'));
      void qc.invalidateQueries({ queryKey: ['maternal', 'perinatal'] });
      setReviewing(null);
      form.resetFields();
    },
    onError: (e) => applyToForm(form, e),
  });
  const others: PerinatalReview[] = reviewing?.reviews.filter((x) => x.level !== level) ?? [];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {pick('分娩日期自', 'Delivered since')}
        <DatePicker value={from} onChange={setFrom} allowClear={false} />
        <Select
          style={{ width: 200 }}
          allowClear
          placeholder={pick('死胎死产评审状态', 'Stillbirth review status')}
          value={review}
          onChange={setReview}
          data-testid="perinatal-review-filter"
          options={[
            { value: 'pending', label: pick('待评审', 'Pending review') },
            { value: 'reviewed', label: pick('已评审', 'Reviewed') },
          ]}
        />
      </Space>
      <Table<PerinatalDeath>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        data-testid="perinatal-table"
        columns={[
          {
            title: pick('母亲', 'Mother'),
            render: (_: unknown, r) => (
              <Link to={`/maternal/women/${r.motherId}?pregnancyId=${r.pregnancyId}`}>{r.motherName}</Link>
            ),
          },
          { title: pick('分娩日期', 'Delivered'), dataIndex: 'deliveryDate' },
          { title: pick('孕周', 'GA'), dataIndex: 'gestationalAge' },
          { title: pick('出生体重(g)', 'Weight (g)'), dataIndex: 'weightG' },
          {
            title: pick('类别', 'Kind'),
            render: (_: unknown, r) => (
              <>
                <Tag color={r.kind === 'stillbirth' ? 'default' : 'red'}>{lbl(PERINATAL_KINDS, r.kind, lang)}</Tag>
                {r.perinatal && <Tag>{pick('围产儿死亡', 'perinatal')}</Tag>}
              </>
            ),
          },
          {
            title: pick('死亡', 'Died'),
            render: (_: unknown, r) =>
              r.kind === 'stillbirth'
                ? '—'
                : `${r.diedOn ?? ''}（${pick('生后', 'day ')}${r.ageDays ?? '?'}${pick('天', '')}）`,
          },
          { title: pick('助产机构', 'Institution'), dataIndex: 'institutionName' },
          {
            title: pick('儿童死亡报告卡', 'Child death card'),
            render: (_: unknown, r) =>
              !r.childPersonId ? (
                pick('（死胎死产：围产儿死亡评审）', '(stillbirth: perinatal review)')
              ) : r.childDeathId ? (
                <Link to={`/children/${r.childPersonId}`}>
                  {r.childDeathStatus === 'submitted' ? pick('已上报', 'Submitted') : pick('草稿', 'Draft')}
                </Link>
              ) : (
                <Link to={`/children/${r.childPersonId}`}>
                  <Tag color="orange">{pick('待填写', 'To fill in')}</Tag>
                </Link>
              ),
          },
          {
            title: pick('围产儿死亡评审', 'Perinatal review'),
            render: (_: unknown, r) =>
              r.reviewStatus === null ? (
                '—'
              ) : (
                <Space wrap>
                  {r.reviews.length ? (
                    r.reviews.map((x) => (
                      <Tag color="green" key={x.level} data-testid="perinatal-reviewed">
                        {lbl(LEVELS, x.level, lang)} · {lbl(CONCLUSIONS, x.conclusion, lang)}
                      </Tag>
                    ))
                  ) : (
                    <Tag color="orange" data-testid="perinatal-pending">
                      {pick('待评审', 'Pending')}
                    </Tag>
                  )}
                  {supervise && (
                    <Button size="small" onClick={() => openReview(r)} data-testid="perinatal-review">
                      {r.reviews.length ? pick('评审/修改', 'Review / change') : pick('评审', 'Review')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={reviewing !== null}
        destroyOnHidden
        width={760}
        title={
          reviewing
            ? pick(
                `围产儿死亡评审：${reviewing.motherName}之第${reviewing.birthOrder}胎（${reviewing.deliveryDate}，孕${reviewing.gestationalAge ?? '?'}周）`,
                `Perinatal death review: ${reviewing.motherName}'s baby ${reviewing.birthOrder} (${reviewing.deliveryDate}, ${reviewing.gestationalAge ?? '?'} weeks)`,
              )
            : ''
        }
        onCancel={() => setReviewing(null)}
        onOk={() => form.submit()}
        okText={pick('保存', 'Save')}
        cancelText={pick('取消', 'Cancel')}
        okButtonProps={{ 'data-testid': 'perinatal-review-save' } as Record<string, string>}
        confirmLoading={save.isPending}
      >
        {others.length > 0 && (
          <Card
            size="small"
            title={t('review.otherLevels')}
            style={{ marginBottom: 12 }}
            data-testid="perinatal-other-levels"
          >
            {others.map((x) => (
              <ReviewSummary key={x.level} review={x} />
            ))}
          </Card>
        )}
        <Form<ReviewFormValues>
          form={form}
          layout="vertical"
          preserve={false}
          onValuesChange={(changed: ReviewFormValues) => {
            if (changed.level && reviewing) showLevel(reviewing, changed.level);
          }}
          onFinish={(v) => save.mutate(v)}
        >
          {level && (
            <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 8 }} data-testid="perinatal-review-mode">
              {current
                ? t('review.levelChange', { level: lbl(LEVELS, level, lang), version: current.version })
                : t('review.levelNew', { level: lbl(LEVELS, level, lang) })}
            </div>
          )}
          <ReviewFields />
        </Form>
      </Modal>
    </>
  );
}

/** 孕产妇死亡报告与评审: draft cards (prefilled from the pregnancy), submission (alerts county and city), reviews. */
export function MaternalDeathsPage() {
  const { pick, lang } = useI18n();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const { applyToForm, showError } = useApiFeedback();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['maternal', 'deaths'], queryFn: maternalApi.deaths });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['maternal'] });
  const write = me.permissions.includes('care.write');
  const openCard = (d: MaternalDeath | null) => {
    form.resetFields();
    setDialog({ card: d });
    if (d) setTimeout(() => form.setFieldsValue(cardValues(d)));
  };
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      if (dialog && 'card' in dialog) {
        const body = cardBody(v);
        if (!dialog.card) return maternalApi.createDeath(body);
        delete body.personId;
        return maternalApi.updateDeath(dialog.card.id, { ...body, version: dialog.card.version });
      }
      const d = (dialog as { review: MaternalDeath }).review;
      return maternalApi.reviewDeath(d.id, reviewBody(v as ReviewFormValues));
    },
    onSuccess: (d) => {
      refresh();
      if (dialog && 'card' in dialog && !dialog.card) {
        // show the draft again with what the pregnancy record filled in, for the reporter to check
        void message.success(pick('草稿已保存，已按保健册预填，请核对后上报', 'Draft saved and prefilled; check it'));
        openCard(d);
        return;
      }
      void message.success(pick('已保存', 'Saved'));
      setDialog(null);
      form.resetFields();
    },
    onError: (e) => applyToForm(form, e),
  });
  const submit = useMutation({
    mutationFn: (d: MaternalDeath) => maternalApi.submitDeath(d.id, d.version),
    onSuccess: () => {
      void message.success(pick('已上报，县、市妇幼保健管理人员已收到提醒', 'Submitted; supervisors alerted'));
      refresh();
    },
    onError: showError,
  });
  const confirmSubmit = (d: MaternalDeath) =>
    modal.confirm({
      title: pick(`上报${d.womanName ?? ''}的孕产妇死亡报告卡？`, `Submit the death card of ${d.womanName ?? ''}?`),
      content: pick(
        '上报后报告卡不能再修改；系统将立即提醒县级和市级妇幼保健管理人员，并结束该孕产妇的保健册和所有待办。',
        'A submitted card cannot be changed; the county and city supervisors are alerted at once, and her pregnancy and every open duty are closed.',
      ),
      okText: pick('确认上报', 'Submit'),
      okButtonProps: { danger: true, 'data-testid': 'death-submit-confirm' } as ButtonProps,
      cancelText: pick('取消', 'Cancel'),
      onOk: () => submit.mutateAsync(d),
    });
  return (
    <>
      <PageHeader
        title={pick('孕产妇死亡报告与评审', 'Maternal deaths')}
        extra={
          write && (
            <Button type="primary" onClick={() => openCard(null)} data-testid="death-new">
              {pick('填写报告卡', 'New report card')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'maternal',
              label: pick('孕产妇死亡', 'Maternal deaths'),
              children: (
                <Table<MaternalDeath>
                  size="small"
                  rowKey="id"
                  dataSource={q.data ?? []}
                  loading={q.isLoading}
                  data-testid="death-table"
                  expandable={{
                    rowExpandable: (d) => d.reviews.length > 0,
                    expandedRowRender: (d) =>
                      d.reviews.map((r) => <ReviewSummary key={r.id} review={r} testId="death-review-summary" />),
                  }}
                  columns={[
                    {
                      title: pick('姓名', 'Name'),
                      render: (_: unknown, d) => <Link to={`/maternal/women/${d.personId}`}>{d.womanName}</Link>,
                    },
                    { title: pick('年龄', 'Age'), dataIndex: 'ageYears' },
                    { title: pick('死亡日期', 'Died'), dataIndex: 'deathDate' },
                    {
                      title: pick('地点', 'Place'),
                      dataIndex: 'deathPlace',
                      render: (p: string) => lbl(DEATH_PLACES, p, lang),
                    },
                    {
                      title: pick('根本死因', 'Underlying cause'),
                      render: (_: unknown, d) => `${d.underlyingCause}（${d.icd10}）`,
                    },
                    {
                      title: pick('状态', 'Status'),
                      render: (_: unknown, d) =>
                        d.status === 'draft' ? (
                          <Space>
                            <Tag>{pick('草稿', 'Draft')}</Tag>
                            {write && (
                              <>
                                <Button size="small" onClick={() => openCard(d)} data-testid="death-edit">
                                  {pick('修改', 'Edit')}
                                </Button>
                                <Button
                                  size="small"
                                  type="primary"
                                  danger
                                  onClick={() => confirmSubmit(d)}
                                  data-testid="death-submit"
                                >
                                  {pick('上报', 'Submit')}
                                </Button>
                              </>
                            )}
                          </Space>
                        ) : (
                          <Tag color="red" data-testid="death-submitted">
                            {pick('已上报', 'Submitted')}
                          </Tag>
                        ),
                    },
                    {
                      title: pick('评审', 'Reviews'),
                      render: (_: unknown, d) => (
                        <Space wrap>
                          {d.reviews.map((r) => (
                            <Tag key={r.id}>
                              {lbl(LEVELS, r.level, lang)} · {lbl(CONCLUSIONS, r.conclusion, lang)}
                            </Tag>
                          ))}
                          {d.status === 'submitted' && me.permissions.includes('care.supervise') && (
                            <Button size="small" onClick={() => (form.resetFields(), setDialog({ review: d }))}>
                              {pick('评审', 'Review')}
                            </Button>
                          )}
                        </Space>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'perinatal',
              label: pick('围产儿及新生儿死亡', 'Perinatal and neonatal deaths'),
              children: <PerinatalDeaths />,
            },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        destroyOnHidden
        width={dialog && 'card' in dialog ? 980 : 760}
        title={
          dialog && 'card' in dialog
            ? dialog.card
              ? pick('孕产妇死亡报告卡（草稿）', 'Maternal death card (draft)')
              : pick('孕产妇死亡报告卡', 'Maternal death card')
            : pick('死亡评审', 'Death review')
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={dialog && 'card' in dialog ? pick('保存草稿', 'Save draft') : pick('保存', 'Save')}
        okButtonProps={{ 'data-testid': 'death-save' } as Record<string, string>}
        confirmLoading={save.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => save.mutate(v as Record<string, unknown>)}
        >
          {dialog && 'card' in dialog && <CardForm editing={dialog.card} />}
          {dialog && 'review' in dialog && <ReviewFields />}
        </Form>
      </Modal>
    </>
  );
}
