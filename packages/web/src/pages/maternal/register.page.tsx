import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api, newUuid } from '../../api/client';
import { getPerson, searchPeople } from '../../api/people.api';
import type { PersonDto } from '../../api/types';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { maternalApi } from './maternal.api';

interface Values {
  registeredOn: Dayjs;
  handbookNo?: string;
  lmp?: Dayjs;
  scanDate?: Dayjs;
  gaWeeks?: number;
  gaDays?: number;
  scanNote?: string;
  gravidity: number;
  parity: number;
  previousCaesareans?: number;
  spontaneousAbortions?: number;
  inducedAbortions?: number;
  pretermBirths?: number;
  stillbirths?: number;
  birthDefects?: number;
  ectopicPregnancies?: number;
  molarPregnancies?: number;
  previousUterineSurgeries?: number;
  lastUterineSurgeryOn?: Dayjs;
  lastBirthOn?: Dayjs;
  historyItems?: string[];
  heightCm?: number;
  prePregnancyWeightKg?: number;
  fetuses?: number;
}

const d = (v?: Dayjs) => (v ? v.format('YYYY-MM-DD') : undefined);

function PersonPicker(props: { onPick(p: PersonDto): void }) {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const res = useQuery({
    queryKey: ['people', 'maternal-pick', q],
    queryFn: () => searchPeople(q, 1, 20),
    enabled: !!q,
  });
  return (
    <Card title={pick('选择孕妇（个人主索引）', 'Choose the woman (person index)')}>
      <Input.Search
        placeholder={pick('姓名、身份证号或电话', 'Name, ID number or phone')}
        enterButton
        onSearch={setQ}
        data-testid="preg-person-search"
        style={{ maxWidth: 420, marginBottom: 12 }}
      />
      <Table<PersonDto>
        size="small"
        rowKey="id"
        loading={res.isFetching}
        dataSource={(res.data?.items ?? []).filter((p) => p.sex === 'female')}
        pagination={false}
        columns={[
          { title: pick('姓名', 'Name'), dataIndex: 'name' },
          { title: pick('出生日期', 'Born'), dataIndex: 'birthDate' },
          { title: pick('证件号码', 'ID number'), dataIndex: 'idNumberMasked' },
          { title: pick('现住址', 'Residence'), dataIndex: 'residenceRegionName' },
          {
            title: '',
            render: (_: unknown, p) => (
              <Button size="small" onClick={() => props.onPick(p)} data-testid="preg-person-pick">
                {pick('选择', 'Choose')}
              </Button>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Link to="/people/new">{pick('未找到？先登记人员', 'Not found? Register the person first')}</Link>
      </div>
    </Card>
  );
}

/** 孕产妇建册: choose the woman, then the registration record (LMP or early ultrasound, history, body). */
export function PregnancyRegisterPage() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const personId = params.get('personId') ?? '';
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => getPerson(personId), enabled: !!personId });
  const catalogue = useQuery({
    queryKey: ['maternal', 'screening-catalogue'],
    queryFn: () =>
      api.get<{ items: { code: string; zh: string; en: string; section: number; kind: string }[] }>(
        '/maternal/screening-catalogue',
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [form] = Form.useForm<Values>();
  const { applyToForm } = useApiFeedback();
  const idRef = useRef(newUuid());
  const [open, setOpen] = useState<{ pregnancyId: string } | null>(null);
  const save = useMutation({
    mutationFn: (v: Values) =>
      maternalApi.register({
        id: idRef.current,
        personId,
        registeredOn: d(v.registeredOn),
        handbookNo: v.handbookNo || undefined,
        lmp: d(v.lmp),
        ultrasound: v.scanDate
          ? { scanDate: d(v.scanDate), gaWeeks: v.gaWeeks, gaDays: v.gaDays ?? 0, note: v.scanNote || undefined }
          : undefined,
        gravidity: v.gravidity,
        parity: v.parity,
        previousCaesareans: v.previousCaesareans ?? 0,
        spontaneousAbortions: v.spontaneousAbortions ?? 0,
        inducedAbortions: v.inducedAbortions ?? 0,
        pretermBirths: v.pretermBirths ?? 0,
        stillbirths: v.stillbirths ?? 0,
        birthDefects: v.birthDefects ?? 0,
        ectopicPregnancies: v.ectopicPregnancies ?? 0,
        molarPregnancies: v.molarPregnancies ?? 0,
        previousUterineSurgeries: Math.max(v.previousUterineSurgeries ?? 0, v.previousCaesareans ?? 0),
        lastUterineSurgeryOn: d(v.lastUterineSurgeryOn),
        lastBirthOn: d(v.lastBirthOn),
        historyItems: v.historyItems ?? [],
        heightCm: v.heightCm,
        prePregnancyWeightKg: v.prePregnancyWeightKg,
        fetuses: v.fetuses ?? 1,
      }),
    onSuccess: (p) => navigate(`/maternal/women/${p.personId}?pregnancyId=${p.id}`),
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'PREGNANCY_OPEN') {
        setOpen({ pregnancyId: String(e.details.pregnancyId ?? '') });
        return;
      }
      applyToForm(form, e, { 'ultrasound.scanDate': 'scanDate', ultrasound: 'scanDate' });
    },
  });

  const n = (name: keyof Values, zh: string, en: string, min: number, max: number, step = 1, md = 4) => (
    <Col xs={12} md={md}>
      <Form.Item name={name} label={pick(zh, en)}>
        <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} data-testid={`preg-${name}`} />
      </Form.Item>
    </Col>
  );
  const history = (catalogue.data?.items ?? []).filter((i) => i.kind === 'ticked' && i.section >= 2 && i.section <= 5);

  return (
    <>
      <PageHeader
        title={pick('孕产妇建册', 'Register a pregnancy')}
        subTitle={pick(
          '预产期按末次月经推算（Naegele），或按孕早期超声校正；孕周由系统计算',
          'EDD by Naegele from the LMP, or corrected by early ultrasound; gestational age is computed',
        )}
        breadcrumb={[
          { title: pick('孕产妇保健', 'Maternal care'), to: '/maternal' },
          { title: pick('建册', 'Register') },
        ]}
      />
      {!personId && <PersonPicker onPick={(p) => setParams({ personId: p.id })} />}
      {personId && person.data && (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={pick('姓名', 'Name')}>
              <span data-testid="preg-person-name">{person.data.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={pick('出生日期', 'Born')}>{person.data.birthDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={pick('现住址', 'Residence')}>{person.data.residenceRegionName}</Descriptions.Item>
            <Descriptions.Item label={pick('户籍', 'Hukou')}>
              {person.data.isNonResident ? (
                <Tag color="blue">{pick('流动人口', 'Non-resident')}</Tag>
              ) : (
                pick('本地', 'Local')
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {open && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={pick('该孕产妇已有未结案的保健册', 'She already has an open pregnancy')}
          action={
            <Link to={`/maternal/women/${personId}?pregnancyId=${open.pregnancyId}`} data-testid="preg-open-link">
              {pick('打开原保健册', 'Open it')}
            </Link>
          }
        />
      )}
      {personId && (
        <Card>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ registeredOn: dayjs(), gravidity: 1, parity: 0, fetuses: 1, gaDays: 0 }}
            onFinish={(v) => save.mutate(v)}
          >
            <Row gutter={12}>
              <Col xs={12} md={6}>
                <Form.Item name="registeredOn" label={pick('建册日期', 'Registered on')} rules={[{ required: true }]}>
                  <DatePicker style={{ width: '100%' }} data-testid="preg-registeredOn" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="lmp" label={pick('末次月经', 'LMP')}>
                  <DatePicker style={{ width: '100%' }} data-testid="preg-lmp" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="handbookNo" label={pick('母子健康手册编号', 'Handbook number')}>
                  <Input data-testid="preg-handbookNo" />
                </Form.Item>
              </Col>
              {n('fetuses', '胎数', 'Fetuses', 1, 8, 1, 6)}
            </Row>
            <Collapse
              size="small"
              style={{ marginBottom: 16 }}
              items={[
                {
                  key: 'us',
                  label: pick('孕早期超声校正预产期（可选）', 'EDD correction by early ultrasound (optional)'),
                  children: (
                    <Row gutter={12}>
                      <Col xs={12} md={6}>
                        <Form.Item name="scanDate" label={pick('超声日期', 'Scan date')}>
                          <DatePicker style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      {n('gaWeeks', '超声孕周', 'GA weeks', 4, 20, 1, 6)}
                      {n('gaDays', '超声孕天', 'GA days', 0, 6, 1, 6)}
                      <Col xs={12} md={6}>
                        <Form.Item name="scanNote" label={pick('备注（如CRL）', 'Note (e.g. CRL)')}>
                          <Input />
                        </Form.Item>
                      </Col>
                    </Row>
                  ),
                },
              ]}
            />
            <Row gutter={12}>
              <Col xs={12} md={4}>
                <Form.Item
                  name="gravidity"
                  label={pick('孕次（含本次）', 'Gravidity (incl. this)')}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={1} max={30} style={{ width: '100%' }} data-testid="preg-gravidity" />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="parity" label={pick('产次', 'Parity')} rules={[{ required: true }]}>
                  <InputNumber min={0} max={20} style={{ width: '100%' }} data-testid="preg-parity" />
                </Form.Item>
              </Col>
              {n('previousCaesareans', '剖宫产次数', 'Caesareans', 0, 15)}
              {n('spontaneousAbortions', '自然流产', 'Miscarriages', 0, 30)}
              {n('inducedAbortions', '人工流产', 'Induced abortions', 0, 30)}
              {n('pretermBirths', '早产', 'Preterm births', 0, 20)}
              {n('stillbirths', '死胎死产', 'Stillbirths', 0, 20)}
              {n('birthDefects', '出生缺陷儿', 'Birth defects', 0, 20)}
              {n('ectopicPregnancies', '异位妊娠', 'Ectopic', 0, 10)}
              {n('molarPregnancies', '葡萄胎', 'Molar', 0, 10)}
              {n('previousUterineSurgeries', '子宫手术次数', 'Uterine operations', 0, 20)}
              <Col xs={12} md={4}>
                <Form.Item name="lastUterineSurgeryOn" label={pick('末次子宫手术', 'Last uterine surgery')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="lastBirthOn" label={pick('末次分娩', 'Last birth')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {n('heightCm', '身高(cm)', 'Height (cm)', 100, 230, 0.5)}
              {n('prePregnancyWeightKg', '孕前体重(kg)', 'Pre-pregnancy weight (kg)', 25, 250, 0.5)}
            </Row>
            {history.length > 0 && (
              <Form.Item
                name="historyItems"
                label={pick('既往史（妊娠风险筛查表，勾选存在的）', 'History (screening table; tick those present)')}
              >
                <Checkbox.Group
                  style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 4 }}
                  options={history.map((i) => ({ value: i.code, label: pick(i.zh, i.en) }))}
                />
              </Form.Item>
            )}
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="preg-submit">
                {pick('建册', 'Register')}
              </Button>
              <Button onClick={() => navigate(-1)}>{pick('取消', 'Cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
    </>
  );
}
