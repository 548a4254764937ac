import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Modal,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ApiError } from '../../api/api-error';
import { useHasPermission } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { childApi, type Checkup, type ChildCase, type ChildPage } from './child.api';
import { CASE_KIND, CASE_STATUS, FEEDING, SCHEDULE_STATUS, SEVERITY, Z_LABELS, ageText, lbl } from './child-labels';
import { CheckupForm } from './checkup-form';
import { GrowthChart } from './growth-chart';
import { ScreeningPanel } from './screening-panel';
import { ExposurePanel, type ExposureView } from './exposure-panel';
import { DeathForm } from './death-form';
import { ChildActions } from './child-actions';

/** "海拔校正 +N g/L": the g/L the Hb cut-offs were raised for the altitude of residence (the measured Hb lowered). */
function altitudeText(a: Checkup['hbAltitude'], pick: (zh: string, en: string) => string): string | null {
  if (!a) return null;
  return pick(
    `海拔校正 +${a.adjustmentGL} g/L（海拔${a.altitudeM}米）`,
    `altitude adjustment +${a.adjustmentGL} g/L (${a.altitudeM} m)`,
  );
}

function zTag(z: number | null) {
  if (z === null) return '—';
  const colour = z < -3 || z > 3 ? 'red' : z < -2 || z > 2 ? 'orange' : z > 1 ? 'gold' : 'green';
  return <Tag color={colour}>{z.toFixed(2)}</Tag>;
}

/** What a saved check-up found: z-scores, re-measure flags, nutrition findings, case proposals to confirm. */
function CheckupResult(props: { checkup: Checkup; onCase(c: ChildCase): void }) {
  const { lang, pick } = useI18n();
  const c = props.checkup;
  const remeasure = c.growthFlags.filter((f) => f.startsWith('implausible_'));
  return (
    <Card
      size="small"
      title={pick('本次检查评价', 'Assessment of this check-up')}
      data-testid="checkup-result"
      style={{ marginBottom: 16 }}
    >
      <Space wrap>
        {(['waz', 'lhaz', 'wlhz', 'bmiz', 'hcz'] as const).map((k) => (
          <span key={k} data-testid={`z-${k}`}>
            {lbl(Z_LABELS, k, lang)}: {zTag(c.zscores[k])}
          </span>
        ))}
      </Space>
      {remeasure.length > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          data-testid="remeasure"
          message={pick(
            '测量值超出生物学合理范围，已保存，请复测核实',
            'A value is biologically implausible: kept, please re-measure',
          )}
          description={remeasure.join(', ')}
        />
      )}
      <div style={{ marginTop: 8 }}>
        {c.hbAltitude && (
          <Tag color="blue" data-testid="hb-altitude">
            Hb {c.hbGL} g/L · {altitudeText(c.hbAltitude, pick)}
          </Tag>
        )}
        {c.nutrition.length === 0 ? (
          <Tag color="green">{pick('营养评价未见异常', 'No nutritional problem found')}</Tag>
        ) : (
          c.nutrition.map((f) => (
            <Tag key={f.condition} color={f.remeasure ? 'default' : 'volcano'} data-testid="nutrition-finding">
              {pick(f.zh, f.en)}
            </Tag>
          ))
        )}
      </div>
      {c.proposals.map((p) => (
        <Alert
          key={p.kind}
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          data-testid="case-proposal"
          message={`${pick('建议纳入专案管理', 'Case proposed')}: ${lbl(CASE_KIND, p.kind, lang)}${p.severity ? `（${lbl(SEVERITY, p.severity, lang)}）` : ''}`}
          description={p.criteria.map((x) => pick(x.zh, x.en)).join('；')}
          action={
            p.caseId && !p.existing ? (
              <Button
                size="small"
                type="primary"
                onClick={() => props.onCase({ id: p.caseId } as ChildCase)}
                data-testid="proposal-review"
              >
                {pick('审核', 'Review')}
              </Button>
            ) : (
              <Tag>{pick('已有在管专案', 'Case already open')}</Tag>
            )
          }
        />
      ))}
    </Card>
  );
}

/** The child's page: birth summary, mother, schedule, check-ups, growth charts, cases, screenings. */
export function ChildDetailPage() {
  const { personId = '' } = useParams();
  const { lang, pick } = useI18n();
  const qc = useQueryClient();
  const canWrite = useHasPermission('care.write');
  const { showError } = useApiFeedback();
  const [formOpen, setFormOpen] = useState(false);
  const [deathOpen, setDeathOpen] = useState(false);
  const [last, setLast] = useState<Checkup | null>(null);
  const [tab, setTab] = useState('summary');
  const [review, setReview] = useState<ChildCase | null>(null);
  const [dismissReason, setDismissReason] = useState('');
  const page = useQuery({ queryKey: ['child', personId], queryFn: () => childApi.page(personId) });
  const growth = useQuery({
    queryKey: ['child', personId, 'growth'],
    queryFn: () => childApi.growth(personId),
    enabled: tab === 'growth',
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['child', personId] });
  const decide = useMutation({
    mutationFn: async (d: { c: ChildCase; confirm: boolean }) => {
      const fresh = page.data?.cases.find((x) => x.id === d.c.id);
      if (!fresh) throw new Error('case');
      return d.confirm
        ? childApi.confirmCase(fresh.id, { version: fresh.version, openedOn: dayjs().format('YYYY-MM-DD') })
        : childApi.dismissCase(fresh.id, { version: fresh.version, reason: dismissReason });
    },
    onSuccess: () => {
      setReview(null);
      setDismissReason('');
      refresh();
    },
    onError: showError,
  });

  if (page.isLoading) return <Skeleton active />;
  if (page.error || !page.data) {
    const nf = page.error instanceof ApiError && page.error.status === 404;
    return (
      <Result
        status={nf ? '404' : 'error'}
        title={nf ? pick('儿童档案不存在', 'Child not found') : pick('加载失败', 'Failed to load')}
      />
    );
  }
  const d: ChildPage = page.data;
  const p = d.profile;
  const ga =
    p.gestationalWeeks !== null
      ? `${p.gestationalWeeks}${p.gestationalDays ? `+${p.gestationalDays}` : ''}${pick('周', ' wk')}`
      : '—';
  const reviewCase = review ? d.cases.find((c) => c.id === review.id) : undefined;

  return (
    <>
      <PageHeader
        title={<span data-testid="child-title">{d.person.name}</span>}
        subTitle={`${d.person.sex === 'male' ? pick('男', 'Male') : pick('女', 'Female')} · ${d.person.birthDate ?? ''} · ${ageText(d.ageDays, lang)}`}
        breadcrumb={[{ title: pick('儿童保健', 'Child health'), to: '/children' }, { title: d.person.name }]}
        extra={
          canWrite &&
          !d.person.deceasedOn && (
            <Space>
              <ChildActions personId={personId} hasExposure={!!d.exposure} onChange={refresh} />
              <Button onClick={() => setDeathOpen(true)}>{pick('死亡报告', 'Report a death')}</Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormOpen(true)}
                data-testid="checkup-new"
              >
                {pick('记录体检', 'Record a check-up')}
              </Button>
            </Space>
          )
        }
      />
      {last && <CheckupResult checkup={last} onCase={setReview} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'summary',
            label: pick('概况', 'Summary'),
            children: (
              <Row gutter={16}>
                <Col xs={24} lg={12}>
                  <Card size="small" title={pick('出生情况', 'Birth')}>
                    <Descriptions size="small" column={2}>
                      <Descriptions.Item label={pick('出生孕周', 'Gestation')}>{ga}</Descriptions.Item>
                      <Descriptions.Item label={pick('出生体重', 'Birth weight')}>
                        {p.birthWeightG ? `${p.birthWeightG} g` : '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={pick('出生身长', 'Birth length')}>
                        {p.birthLengthCm ? `${p.birthLengthCm} cm` : '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label="Apgar">
                        {[p.apgar1, p.apgar5, p.apgar10].filter((x) => x !== null).join(' / ') || '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={pick('胎数/顺序', 'Multiple birth')}>
                        {p.multipleBirth > 1
                          ? `${p.multipleBirth} / ${p.birthOrder ?? '—'}`
                          : pick('单胎', 'Singleton')}
                      </Descriptions.Item>
                      <Descriptions.Item label={pick('出生缺陷', 'Birth defects')}>
                        {p.birthDefects.join('、') || pick('无', 'None')}
                      </Descriptions.Item>
                      <Descriptions.Item label={pick('母亲', 'Mother')}>
                        {d.mother ? <Link to={`/people/${d.mother.id}`}>{d.mother.name}</Link> : '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={pick('来源', 'Source')}>
                        {p.source === 'delivery'
                          ? pick('分娩登记', 'From delivery')
                          : pick('直接登记', 'Registered directly')}
                      </Descriptions.Item>
                      <Descriptions.Item label={pick('保健手册号', 'Health handbook')}>
                        {p.healthHandbookNo ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={pick('接种证号', 'Vaccination handbook')}>
                        {p.vaccinationHandbookNo ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item label={pick('管理机构', 'Managed by')}>
                        {p.managingInstitutionName ?? '—'}
                      </Descriptions.Item>
                    </Descriptions>
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title={pick('健康检查计划', 'Check-up schedule')} data-testid="child-schedule">
                    {d.schedule ? (
                      <Table
                        size="small"
                        rowKey="key"
                        pagination={false}
                        dataSource={d.schedule}
                        columns={[
                          {
                            title: pick('时点', 'Contact'),
                            render: (_: unknown, r) => (
                              <>
                                {pick(r.zh, r.en)}
                                {r.corrected && <Tag style={{ marginLeft: 4 }}>{pick('矫正月龄', 'corrected')}</Tag>}
                                {r.hb && <Tag style={{ marginLeft: 4 }}>Hb</Tag>}
                              </>
                            ),
                          },
                          {
                            title: pick('时间窗', 'Window'),
                            render: (_: unknown, r) => `${r.windowStart ?? ''} ~ ${r.windowEnd ?? ''}`,
                          },
                          {
                            title: pick('状态', 'Status'),
                            dataIndex: 'status',
                            render: (s: string) => (
                              <Tag
                                color={
                                  s === 'done'
                                    ? 'green'
                                    : s === 'missed' || s === 'overdue'
                                      ? 'red'
                                      : s === 'due'
                                        ? 'blue'
                                        : 'default'
                                }
                              >
                                {lbl(SCHEDULE_STATUS, s, lang)}
                              </Tag>
                            ),
                          },
                        ]}
                      />
                    ) : (
                      <Empty description={pick('暂无计划', 'No schedule')} />
                    )}
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: 'checkups',
            label: pick('体检记录', 'Check-ups'),
            children: (
              <Table<Checkup>
                size="small"
                rowKey="id"
                dataSource={[...d.checkups].reverse()}
                data-testid="checkup-table"
                columns={[
                  { title: pick('日期', 'Date'), dataIndex: 'visitDate' },
                  { title: pick('月龄', 'Age'), dataIndex: 'ageDays', render: (v: number) => ageText(v, lang) },
                  { title: pick('体重', 'Weight'), dataIndex: 'weightKg' },
                  { title: pick('身长/身高', 'Length'), dataIndex: 'lengthCm' },
                  { title: pick('头围', 'Head'), dataIndex: 'headCm' },
                  {
                    title: 'Hb',
                    dataIndex: 'hbGL',
                    render: (v: number | null, r) =>
                      r.hbAltitude ? (
                        <span>
                          {v} <Tag data-testid="hb-altitude-cell">{altitudeText(r.hbAltitude, pick)}</Tag>
                        </span>
                      ) : (
                        v
                      ),
                  },
                  { title: 'WAZ', render: (_: unknown, r) => zTag(r.zscores.waz) },
                  { title: 'L/HAZ', render: (_: unknown, r) => zTag(r.zscores.lhaz) },
                  { title: 'WL/HZ', render: (_: unknown, r) => zTag(r.zscores.wlhz) },
                  {
                    title: pick('喂养', 'Feeding'),
                    dataIndex: 'feeding',
                    render: (v: string | null) => lbl(FEEDING, v, lang),
                  },
                  {
                    title: pick('评价', 'Assessment'),
                    render: (_: unknown, r) => r.nutrition.map((f) => <Tag key={f.condition}>{pick(f.zh, f.en)}</Tag>),
                  },
                ]}
              />
            ),
          },
          {
            key: 'growth',
            label: pick('生长曲线', 'Growth charts'),
            children: growth.isLoading ? (
              <Skeleton active />
            ) : (
              <Row gutter={16}>
                {(growth.data?.charts ?? []).map((c) => (
                  <Col xs={24} lg={12} key={c.indicator}>
                    <Card size="small" style={{ marginBottom: 16 }}>
                      {c.available ? (
                        <GrowthChart chart={c} lang={lang} />
                      ) : (
                        <Empty description={pick('无可用参考标准', 'Reference not available')} />
                      )}
                    </Card>
                  </Col>
                ))}
              </Row>
            ),
          },
          {
            key: 'cases',
            label: pick('专案管理', 'Cases'),
            children: (
              <Table<ChildCase>
                size="small"
                rowKey="id"
                dataSource={d.cases}
                data-testid="case-table"
                columns={[
                  { title: pick('类型', 'Kind'), dataIndex: 'kind', render: (v: string) => lbl(CASE_KIND, v, lang) },
                  {
                    title: pick('程度', 'Severity'),
                    dataIndex: 'severity',
                    render: (v: string | null) => lbl(SEVERITY, v, lang),
                  },
                  {
                    title: pick('状态', 'Status'),
                    dataIndex: 'status',
                    render: (v: string) => <Tag>{lbl(CASE_STATUS, v, lang)}</Tag>,
                  },
                  { title: pick('提出', 'Proposed'), dataIndex: 'proposedOn' },
                  { title: pick('建案', 'Opened'), dataIndex: 'openedOn' },
                  {
                    title: pick('下次随访', 'Next follow-up'),
                    render: (_: unknown, r) =>
                      r.nextFollowUpDue ? <Tag color={r.overdue ? 'red' : 'blue'}>{r.nextFollowUpDue}</Tag> : '—',
                  },
                  {
                    title: '',
                    render: (_: unknown, r) =>
                      r.status === 'proposed' && canWrite ? (
                        <Button size="small" onClick={() => setReview(r)}>
                          {pick('审核', 'Review')}
                        </Button>
                      ) : (
                        <Link to={`/child-cases/${r.id}`}>{pick('详情', 'Open')}</Link>
                      ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'screening',
            label: pick('筛查', 'Screening'),
            children: <ScreeningPanel personId={personId} page={d} onChange={refresh} />,
          },
          ...(d.exposure
            ? [
                {
                  key: 'exposure',
                  label: pick('暴露儿童随访', 'Exposed infant'),
                  children: (
                    <ExposurePanel personId={personId} exposure={d.exposure as ExposureView} onChange={refresh} />
                  ),
                },
              ]
            : []),
        ]}
      />
      <DeathForm
        personId={personId}
        open={deathOpen}
        onClose={() => setDeathOpen(false)}
        onSaved={() => {
          setDeathOpen(false);
          refresh();
        }}
      />
      <CheckupForm
        personId={personId}
        ageDays={d.ageDays}
        {...(d.warningSigns ? { warningSigns: d.warningSigns.signs } : {})}
        open={formOpen}
        onClose={() => setFormOpen(false)}
        onSaved={(c) => {
          setFormOpen(false);
          setLast(c);
          refresh();
        }}
      />
      <Modal
        open={!!reviewCase}
        title={pick('审核专案建议', 'Review the case proposal')}
        onCancel={() => setReview(null)}
        footer={[
          <Button
            key="d"
            danger
            disabled={dismissReason.trim().length < 2}
            loading={decide.isPending}
            onClick={() => reviewCase && decide.mutate({ c: reviewCase, confirm: false })}
          >
            {pick('不纳入', 'Dismiss')}
          </Button>,
          <Button
            key="c"
            type="primary"
            loading={decide.isPending}
            onClick={() => reviewCase && decide.mutate({ c: reviewCase, confirm: true })}
            data-testid="case-confirm"
          >
            {pick('确认纳入专案', 'Confirm the case')}
          </Button>,
        ]}
      >
        {reviewCase && (
          <>
            <p>
              {lbl(CASE_KIND, reviewCase.kind, lang)}{' '}
              {reviewCase.severity ? `（${lbl(SEVERITY, reviewCase.severity, lang)}）` : ''}
            </p>
            <Input.TextArea
              placeholder={pick('不纳入时请填写原因', 'Reason, if dismissed')}
              value={dismissReason}
              onChange={(e) => setDismissReason(e.target.value)}
            />
          </>
        )}
      </Modal>
    </>
  );
}
