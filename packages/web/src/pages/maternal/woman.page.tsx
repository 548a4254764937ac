import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Result,
  Row,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
} from 'antd';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { useErrorText } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { BirthDefectCardButton } from '../women/birth-defect-card';
import { DeliveryForm, EndForm, PostpartumForm } from './delivery-forms';
import {
  BIRTH_OUTCOMES,
  COLOUR_HEX,
  CONTACT_STATUS,
  CONTACT_STATUS_COLOR,
  ColourChips,
  DELIVERY_MODES,
  END_REASONS,
  PREGNANCY_STATUS,
  SCHEDULES,
  lbl,
} from './maternal-labels';
import { maternalApi, type AncVisit, type Assessment } from './maternal.api';
import { PmtctPanel, ScreeningPanel } from './pmtct-panel';
import { RecordForm, ReferForm } from './record-forms';
import { RiskForm } from './risk-form';
import { VisitForm, specialSummary } from './visit-form';
import { VitalsChart, WeightGainChart } from './weight-chart';

/** Today in China, 'YYYY-MM-DD'. */
function dayjsToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 孕产妇页面: her pregnancies, the chosen one's record, timeline, colours, charts, duties and the next actions. */
export function WomanPage() {
  const { personId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const pregnancyId = params.get('pregnancyId') ?? undefined;
  const { pick, lang } = useI18n();
  const me = useCurrentUser();
  const can = (p: string) => me.permissions.includes(p);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<
    null | 'visit' | 'risk' | 'delivery' | 'postpartum' | 'end' | 'refer' | 'record'
  >(null);
  const [tab, setTab] = useState('timeline');
  const [editVisit, setEditVisit] = useState<AncVisit | null>(null);
  const page = useQuery({
    queryKey: ['maternal', 'woman', personId, pregnancyId],
    queryFn: () => maternalApi.womanPage(personId, pregnancyId),
  });
  const cur = page.data?.current ?? null;
  const pid = cur?.pregnancy.id ?? '';
  const visits = useQuery({
    queryKey: ['maternal', 'visits', pid],
    queryFn: () => maternalApi.visits(pid),
    enabled: !!pid,
  });
  const assessments = useQuery({
    queryKey: ['maternal', 'assessments', pid],
    queryFn: () => maternalApi.assessments(pid),
    enabled: !!pid,
  });
  const delivery = useQuery({
    queryKey: ['maternal', 'delivery', pid],
    queryFn: () => maternalApi.delivery(pid),
    enabled: !!pid && !!cur?.delivered,
  });
  const pp = useQuery({
    queryKey: ['maternal', 'pp', pid],
    queryFn: () => maternalApi.postpartumVisits(pid),
    enabled: !!pid && !!cur?.delivered,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['maternal'] });

  if (page.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (page.isError)
    return (
      <Result
        status={page.error instanceof ApiError && page.error.status === 404 ? '404' : 'error'}
        title={errorText(page.error)}
      />
    );
  const { woman, pregnancies } = page.data;
  const p = cur?.pregnancy;
  const hasOpen = pregnancies.some((x) => x.status !== 'closed');
  const write = can('care.write');
  const openCase = cur?.cases.find((c) => c.status === 'open');

  return (
    <>
      <PageHeader
        breadcrumb={[{ title: pick('孕产妇保健', 'Maternal care'), to: '/maternal' }, { title: woman.name }]}
        title={
          <Space wrap>
            <span data-testid="woman-title">{woman.name}</span>
            {woman.isNonResident && <Tag color="blue">{pick('流动人口', 'Non-resident')}</Tag>}
            {woman.deceasedOn && <Tag>{pick('已死亡', 'Deceased')}</Tag>}
            {p && <Tag data-testid="pregnancy-status">{lbl(PREGNANCY_STATUS, p.status, lang)}</Tag>}
            {p && <ColourChips colour={p.riskColour} purple={p.riskPurple} lang={lang} testId="current-colour" />}
          </Space>
        }
        extra={
          <>
            <Button onClick={() => navigate(`/people/${personId}`)}>{pick('人员档案', 'Person record')}</Button>
            {write && !hasOpen && !woman.deceasedOn && (
              <Button
                type="primary"
                onClick={() => navigate(`/maternal/register?personId=${personId}`)}
                data-testid="woman-register"
              >
                {pick('建册', 'Register a pregnancy')}
              </Button>
            )}
            {write && p?.status === 'antenatal' && (
              <>
                <Button type="primary" onClick={() => setDialog('visit')} data-testid="visit-new">
                  {pick('产前检查', 'Antenatal visit')}
                </Button>
                <Button onClick={() => setDialog('risk')} data-testid="risk-new">
                  {pick('风险评估', 'Risk assessment')}
                </Button>
                <Button onClick={() => setDialog('delivery')} data-testid="delivery-new">
                  {pick('分娩', 'Delivery')}
                </Button>
              </>
            )}
            {write && p?.status === 'postpartum' && (
              <Button type="primary" onClick={() => setDialog('postpartum')} data-testid="pp-new">
                {pick('产后访视', 'Postpartum visit')}
              </Button>
            )}
            {write && p && p.status !== 'closed' && (
              <>
                <Button onClick={() => setDialog('record')} data-testid="record-edit">
                  {pick('修改保健册', 'Correct record')}
                </Button>
                <Button danger onClick={() => setDialog('end')} data-testid="pregnancy-end">
                  {pick('结束管理', 'End')}
                </Button>
              </>
            )}
          </>
        }
      />
      {pregnancies.length > 1 && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={p?.id}
          onChange={(v) => setParams({ pregnancyId: String(v) })}
          options={pregnancies.map((x) => ({
            value: x.id,
            label: `${x.registeredOn} · ${lbl(PREGNANCY_STATUS, x.status, lang)}`,
          }))}
        />
      )}
      {!p && <Empty description={pick('尚未建册', 'No pregnancy registered')} />}
      {p && cur && (
        <>
          <Row gutter={16}>
            <Col xs={24} xl={15}>
              <Card size="small" title={pick('保健册', 'Registration')} style={{ marginBottom: 16 }}>
                <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="pregnancy-details">
                  <Descriptions.Item label={pick('建册', 'Registered')}>
                    {p.registeredOn}（{pick('孕', '')}
                    {p.gaAtRegistration}
                    {pick('周', ' wk')}）{p.earlyRegistration && <Tag color="green">{pick('早孕建册', 'Early')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick('末次月经', 'LMP')}>{p.lmp ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={pick('预产期', 'EDD')}>
                    <span data-testid="pregnancy-edd">{p.edd}</span>
                    {p.eddMethod === 'ultrasound' && <Tag>{pick('超声校正', 'by ultrasound')}</Tag>}
                    {p.eddCorrection?.reasonLabel && (
                      <span style={{ fontSize: 12, color: '#888' }} data-testid="edd-reason">
                        {' '}
                        {pick(p.eddCorrection.reasonLabel.zh, p.eddCorrection.reasonLabel.en)}
                      </span>
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick('当前孕周', 'GA today')}>
                    <span data-testid="pregnancy-ga">{p.gestationalAge ?? '—'}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={pick('孕/产次', 'G/P')}>
                    G{p.gravidity}P{p.parity}
                    {p.previousCaesareans ? ` · ${pick('剖宫产', 'CS')}${p.previousCaesareans}` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label="BMI">{p.bmi ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={pick('手册编号', 'Handbook')}>{p.handbookNo ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={pick('管理机构', 'Managed by')}>
                    {p.managingInstitutionName ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick('末次月经时年龄', 'Age at LMP')}>
                    {p.ageAtLmp ?? '—'}
                    {p.minorAtLmp && <Tag color="red">{pick('未成年', 'Minor')}</Tag>}
                  </Descriptions.Item>
                  {p.endReason && (
                    <Descriptions.Item label={pick('结案', 'Closed')}>
                      {p.endedOn} {lbl(END_REASONS, p.endReason, lang)}
                    </Descriptions.Item>
                  )}
                  {openCase && (
                    <Descriptions.Item label={pick('高危专案', 'High-risk case')}>
                      <Link to={`/maternal/cases/${openCase.id}`} data-testid="case-link">
                        {pick('在管', 'Open')} · {openCase.openedOn}
                      </Link>
                    </Descriptions.Item>
                  )}
                </Descriptions>
                {p.screening?.positive && (
                  <div style={{ marginTop: 8 }} data-testid="screening-positive">
                    <Tag color="orange">{pick('筛查阳性', 'Screen positive')}</Tag>
                    {p.screening.matched.map((m) => pick(m.zh, m.en)).join('；')}
                    {p.screenReferralDue && (
                      <Tag color={p.screenReferralDue < dayjsToday() ? 'red' : 'blue'} style={{ marginLeft: 8 }}>
                        {pick(`请于${p.screenReferralDue}前转诊评估`, `Refer for assessment by ${p.screenReferralDue}`)}
                      </Tag>
                    )}
                  </div>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Card size="small" title={pick('待办', 'Open duties')} style={{ marginBottom: 16 }}>
                <List
                  size="small"
                  data-testid="duties"
                  dataSource={cur.duties}
                  locale={{ emptyText: pick('无', 'None') }}
                  renderItem={(d) => (
                    <List.Item
                      actions={[
                        d.action === 'visit' && write ? (
                          <a key="a" onClick={() => setDialog('visit')}>
                            {pick('记录', 'Record')}
                          </a>
                        ) : d.action === 'assess' && write ? (
                          <a key="a" onClick={() => setDialog('risk')}>
                            {pick('评估', 'Assess')}
                          </a>
                        ) : d.action === 'postpartum_visit' && write ? (
                          <a key="a" onClick={() => setDialog('postpartum')}>
                            {pick('记录', 'Record')}
                          </a>
                        ) : d.action === 'refer' && write ? (
                          <a key="a" onClick={() => setDialog('refer')} data-testid="duty-refer">
                            {pick('转诊', 'Refer')}
                          </a>
                        ) : d.action === 'delivery' && write ? (
                          <a key="a" onClick={() => setDialog('delivery')}>
                            {pick('记录分娩', 'Record')}
                          </a>
                        ) : d.action === 'pmtct_test' ? (
                          <a key="a" onClick={() => setTab('pmtct')}>
                            {pick('查看', 'Open')}
                          </a>
                        ) : d.action === 'prenatal_diagnosis' ? (
                          <a key="a" onClick={() => setTab('screening')}>
                            {pick('查看', 'Open')}
                          </a>
                        ) : (d.action === 'acknowledge' ||
                            d.action === 'case_followup' ||
                            d.action === 'referral' ||
                            d.action === 'delivery_hospital') &&
                          openCase ? (
                          <Link key="a" to={`/maternal/cases/${openCase.id}`}>
                            {pick('处理', 'Open')}
                          </Link>
                        ) : null,
                      ]}
                    >
                      <Space direction="vertical" size={0}>
                        <span>{pick(d.zh, d.en)}</span>
                        {d.due && (
                          <Tag color={d.overdue ? 'red' : 'blue'}>
                            {d.due.length > 10 ? new Date(d.due).toLocaleString(lang) : d.due}
                          </Tag>
                        )}
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            style={{ marginBottom: 16 }}
            title={`${pick('孕产期保健服务', 'Schedule of contacts')} · ${lbl(SCHEDULES, p.scheduleId, lang)}`}
          >
            <Space wrap data-testid="schedule">
              {cur.schedule.contacts
                .filter((c) => c.status !== 'not_applicable')
                .map((c) => (
                  <Tag
                    key={c.id}
                    color={CONTACT_STATUS_COLOR[c.status]}
                    data-testid={`contact-${c.id}`}
                    data-status={c.status}
                  >
                    {pick(c.label.zh, c.label.en)}：{lbl(CONTACT_STATUS, c.status, lang)}
                    {c.visitDate ? ` ${c.visitDate}` : ` ${c.windowStart}~${c.windowEnd}`}
                  </Tag>
                ))}
            </Space>
          </Card>
          <Card>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                {
                  key: 'timeline',
                  label: pick('时间线', 'Timeline'),
                  children: (
                    <Timeline
                      data-testid="timeline"
                      items={cur.timeline.map((e) => ({
                        color: e.colour ? COLOUR_HEX[e.colour] : e.purple ? COLOUR_HEX.purple : 'gray',
                        children: (
                          <span>
                            {e.date} {pick(e.zh, e.en)}
                          </span>
                        ),
                      }))}
                    />
                  ),
                },
                {
                  key: 'visits',
                  label: pick('产检记录', 'Visits'),
                  children: (
                    <Table<AncVisit>
                      size="small"
                      rowKey="id"
                      data-testid="visit-table"
                      dataSource={visits.data ?? []}
                      pagination={false}
                      columns={[
                        { title: pick('日期', 'Date'), dataIndex: 'visitDate' },
                        { title: pick('孕周', 'GA'), dataIndex: 'gestationalAge' },
                        { title: pick('体重', 'Weight'), dataIndex: 'weightKg' },
                        {
                          title: pick('血压', 'BP'),
                          render: (_: unknown, v) => (v.systolicMmHg ? `${v.systolicMmHg}/${v.diastolicMmHg}` : '—'),
                        },
                        { title: 'Hb', render: (_: unknown, v) => String(v.labs.hbGL ?? '—') },
                        {
                          title: pick('专项', 'Special'),
                          render: (_: unknown, v) => specialSummary(v, pick).join('；') || '—',
                        },
                        { title: pick('下次预约', 'Next'), dataIndex: 'nextAppointment' },
                        {
                          title: '',
                          render: (_: unknown, v) =>
                            write &&
                            p.status !== 'closed' && (
                              <a onClick={() => setEditVisit(v)} data-testid="visit-edit">
                                {pick('更正', 'Correct')}
                              </a>
                            ),
                        },
                      ]}
                    />
                  ),
                },
                {
                  key: 'risk',
                  label: pick('风险评估', 'Risk'),
                  children: (
                    <>
                      <Space wrap style={{ marginBottom: 8 }} data-testid="colour-history">
                        {cur.colours.map((c) => (
                          <span key={c.seq}>
                            {c.date} <ColourChips colour={c.colour} purple={c.purple} lang={lang} />
                          </span>
                        ))}
                      </Space>
                      <Table<Assessment>
                        size="small"
                        rowKey="id"
                        dataSource={assessments.data ?? []}
                        pagination={false}
                        columns={[
                          { title: '#', dataIndex: 'seq' },
                          { title: pick('日期', 'Date'), dataIndex: 'assessedOn' },
                          { title: pick('孕周', 'GA'), dataIndex: 'gestationalAge' },
                          {
                            title: pick('颜色', 'Colour'),
                            render: (_: unknown, a) => (
                              <>
                                <ColourChips colour={a.colour} purple={a.purple} lang={lang} />
                                {a.overridden && <Tag>{pick('已调整', 'overridden')}</Tag>}
                              </>
                            ),
                          },
                          {
                            title: pick('条目', 'Items'),
                            render: (_: unknown, a) => a.matched.map((m) => pick(m.zh, m.en ?? m.zh)).join('；'),
                          },
                          { title: pick('评估机构', 'Institution'), dataIndex: 'institutionName' },
                          { title: pick('评估人', 'Assessor'), dataIndex: 'assessorName' },
                          {
                            title: pick('调整理由', 'Override reason'),
                            dataIndex: 'overrideReason',
                          },
                        ]}
                      />
                    </>
                  ),
                },
                {
                  key: 'charts',
                  label: pick('图表', 'Charts'),
                  children: (
                    <Row gutter={16}>
                      <Col xs={24} lg={12}>
                        {cur.charts.weightGain.category ? (
                          <WeightGainChart data={cur.charts.weightGain} lang={lang} />
                        ) : (
                          <Empty description={pick('缺少身高或孕前体重', 'Height or pre-pregnancy weight missing')} />
                        )}
                      </Col>
                      <Col xs={24} lg={12}>
                        <VitalsChart bp={cur.charts.bloodPressure} hb={cur.charts.hb} lang={lang} />
                      </Col>
                    </Row>
                  ),
                },
                {
                  key: 'delivery',
                  label: pick('分娩与产后', 'Delivery & postpartum'),
                  children: delivery.data ? (
                    <>
                      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                        <Descriptions.Item label={pick('分娩', 'Delivered')}>
                          {delivery.data.deliveryDate} {delivery.data.deliveryTime ?? ''}（
                          {delivery.data.gestationalAge}）
                        </Descriptions.Item>
                        <Descriptions.Item label={pick('方式', 'Mode')}>
                          {lbl(DELIVERY_MODES, delivery.data.mode, lang)}
                        </Descriptions.Item>
                        <Descriptions.Item label={pick('机构', 'Institution')}>
                          {delivery.data.institutionName ?? '—'}
                        </Descriptions.Item>
                      </Descriptions>
                      <Table
                        size="small"
                        rowKey="id"
                        pagination={false}
                        dataSource={delivery.data.babies}
                        data-testid="baby-table"
                        columns={[
                          { title: '#', dataIndex: 'birthOrder' },
                          {
                            title: pick('结局', 'Outcome'),
                            dataIndex: 'outcome',
                            render: (o: string) => lbl(BIRTH_OUTCOMES, o, lang),
                          },
                          { title: pick('体重(g)', 'Weight (g)'), dataIndex: 'weightG' },
                          {
                            title: pick('标记', 'Flags'),
                            render: (_: unknown, b) => (
                              <>
                                {b.flags.macrosomia && <Tag color="orange">{pick('巨大儿', 'Macrosomia')}</Tag>}
                                {b.flags.lowBirthWeight && <Tag color="orange">{pick('低出生体重', 'LBW')}</Tag>}
                                {b.flags.preterm && <Tag color="orange">{pick('早产', 'Preterm')}</Tag>}
                                {b.diedOn && (
                                  <Tag color="red">
                                    {pick('新生儿死亡', 'Neonatal death')} {b.diedOn}
                                  </Tag>
                                )}
                              </>
                            ),
                          },
                          {
                            title: pick('出生缺陷', 'Birth defects'),
                            render: (_: unknown, b) =>
                              b.defects.length > 0 ? (
                                <Space size={4} wrap>
                                  {b.defects.join('、')}
                                  {can('care.write') && (
                                    <BirthDefectCardButton deliveryId={delivery.data!.id} birthOutcomeId={b.id} />
                                  )}
                                </Space>
                              ) : (
                                '—'
                              ),
                          },
                          {
                            title: pick('儿童档案', 'Child'),
                            render: (_: unknown, b) =>
                              b.childPersonId ? (
                                <Link to={`/children/${b.childPersonId}`} data-testid="baby-child-link">
                                  {pick('打开', 'Open')}
                                </Link>
                              ) : (
                                '—'
                              ),
                          },
                        ]}
                      />
                      <Table
                        size="small"
                        rowKey="id"
                        style={{ marginTop: 12 }}
                        pagination={false}
                        dataSource={pp.data ?? []}
                        data-testid="pp-table"
                        columns={[
                          { title: pick('日期', 'Date'), dataIndex: 'visitDate' },
                          {
                            title: pick('类型', 'Kind'),
                            dataIndex: 'kind',
                            render: (k: string) =>
                              k === 'day42_check'
                                ? pick('42天检查', '42-day')
                                : k === 'home_visit'
                                  ? pick('产后访视', 'Home visit')
                                  : k,
                          },
                          { title: pick('产后天数', 'Day'), dataIndex: 'postpartumDay' },
                          {
                            title: 'EPDS',
                            render: (_: unknown, v) => (v.epds ? `${v.epds.total}${v.epds.positive ? ' ⚠' : ''}` : '—'),
                          },
                          { title: pick('评估', 'Assessment'), dataIndex: 'assessment' },
                        ]}
                      />
                    </>
                  ) : (
                    <Empty description={pick('尚未分娩', 'Not delivered')} />
                  ),
                },
                {
                  key: 'pmtct',
                  label: pick('母婴阻断', 'PMTCT'),
                  children: (
                    <PmtctPanel pregnancyId={p.id} canWrite={write && p.status !== 'closed'} onChanged={refresh} />
                  ),
                },
                {
                  key: 'screening',
                  label: pick('产前筛查', 'Prenatal screening'),
                  children: <ScreeningPanel pregnancyId={p.id} canWrite={write} antenatal={p.status === 'antenatal'} />,
                },
              ]}
            />
          </Card>
          {dialog === 'visit' && (
            <VisitForm
              pregnancyId={p.id}
              open
              onClose={() => setDialog(null)}
              onSaved={() => (setDialog(null), refresh())}
            />
          )}
          {editVisit && (
            <VisitForm
              pregnancyId={p.id}
              visit={editVisit}
              open
              onClose={() => setEditVisit(null)}
              onSaved={() => (setEditVisit(null), refresh())}
            />
          )}
          {dialog === 'risk' && (
            <RiskForm
              pregnancyId={p.id}
              open
              onClose={() => setDialog(null)}
              onSaved={() => (setDialog(null), refresh())}
            />
          )}
          {dialog === 'delivery' && (
            <DeliveryForm
              pregnancy={p}
              open
              onClose={() => setDialog(null)}
              onSaved={(d) => {
                setDialog(null);
                void message.success(
                  pick(
                    `分娩已记录，${d.babies.filter((b) => b.childPersonId).length} 名新生儿已建档`,
                    `Delivery recorded; ${d.babies.filter((b) => b.childPersonId).length} child record(s) created`,
                  ),
                );
                refresh();
              }}
            />
          )}
          {dialog === 'postpartum' && (
            <PostpartumForm
              pregnancyId={p.id}
              defaultKind={p.nextContact === 'day42_check' ? 'day42_check' : 'home_visit'}
              open
              onClose={() => setDialog(null)}
              onSaved={() => (setDialog(null), refresh())}
            />
          )}
          {dialog === 'refer' && (
            <ReferForm
              pregnancy={p}
              screening={!!p.screenReferralDue}
              open
              onClose={() => setDialog(null)}
              onSaved={() => {
                setDialog(null);
                void message.success(pick('已转诊，等待接收与回执', 'Referred; waiting for the receipt'));
                refresh();
              }}
            />
          )}
          {dialog === 'record' && (
            <RecordForm
              pregnancy={p}
              open
              onClose={() => setDialog(null)}
              onSaved={() => (setDialog(null), refresh())}
            />
          )}
          {dialog === 'end' && (
            <EndForm pregnancy={p} open onClose={() => setDialog(null)} onSaved={() => (setDialog(null), refresh())} />
          )}
        </>
      )}
    </>
  );
}
