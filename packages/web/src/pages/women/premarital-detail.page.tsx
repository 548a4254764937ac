import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { premaritalApi, type PremaritalExam, type PremaritalPartner } from './women.api';
import {
  INFECTIOUS_ITEM,
  INFECTIOUS_RESULT,
  NORMAL_ABNORMAL,
  PREMARITAL_DISEASE,
  PREMARITAL_FINDING,
  PREMARITAL_OPINION,
  lab,
} from './women-labels';

function Partner(props: { p: PremaritalPartner | null; title: string }) {
  const { lang, pick } = useI18n();
  const { p } = props;
  if (!p) return null;
  const exam = p.exam as Record<string, string | number | undefined>;
  return (
    <Card size="small" title={props.title} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={pick('姓名', 'Name')}>
          <Link to={`/people/${p.personId}`}>{p.name}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={pick('出生日期', 'Born')}>{p.birthDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={pick('证件号码', 'ID')}>{p.idNumberMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={pick('全身检查', 'General')}>
          {lab(NORMAL_ABNORMAL, exam.general as string, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={pick('生殖器检查', 'Genital')}>
          {lab(NORMAL_ABNORMAL, exam.genital as string, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={pick('血压', 'BP')}>
          {exam.systolicMmHg ? `${exam.systolicMmHg}/${exam.diastolicMmHg ?? '—'}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={pick('实验室检查', 'Tests')} span={3}>
          {Object.entries(p.tests).map(([k, v]) => (
            <Tag key={k} color={v === 'abnormal' ? 'orange' : 'default'}>
              {k}: {lab(NORMAL_ABNORMAL, v, lang)}
            </Tag>
          ))}
          {Object.keys(p.tests).length === 0 && '—'}
        </Descriptions.Item>
        <Descriptions.Item label={pick('传染病检测', 'Infectious tests')} span={3}>
          <span data-testid="premarital-infectious">
            {p.infectious === 'restricted' ? (
              <Tag>{pick('受限（需母婴阻断权限）', 'Restricted (needs PMTCT permission)')}</Tag>
            ) : p.infectious ? (
              Object.entries(p.infectious).map(([k, v]) => (
                <Tag key={k} color={v === 'positive' ? 'red' : 'default'}>
                  {lab(INFECTIOUS_ITEM, k, lang)}: {lab(INFECTIOUS_RESULT, v, lang)}
                </Tag>
              ))
            ) : (
              '—'
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={pick('疾病分类', 'Disease categories')} span={3}>
          {p.diseases.map((d) => lab(PREMARITAL_DISEASE, d, lang)).join('、') || '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function FollowUpForm(props: { e: PremaritalExam; onSaved(): void }) {
  const { pick } = useI18n();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<{ date: Dayjs; outcome: string }>();
  const save = useMutation({
    mutationFn: (v: { date: Dayjs; outcome: string }) =>
      premaritalApi.followUp(props.e.id, {
        version: props.e.version,
        date: v.date.format('YYYY-MM-DD'),
        outcome: v.outcome,
      }),
    onSuccess: () => props.onSaved(),
    onError: (err) => applyToForm(form, err),
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} onFinish={(v) => save.mutate(v)}>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item name="date" label={pick('随访日期', 'Date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            name="outcome"
            label={pick('随访结果（转诊、复查、治疗…）', 'Outcome')}
            rules={[{ required: true }]}
          >
            <Input maxLength={500} data-testid="premarital-followup-outcome" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item label=" ">
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="premarital-followup-save">
              {pick('登记随访', 'Record')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** One premarital examination: both partners, the opinion, counselling, certificate and follow-up. */
export function PremaritalDetailPage() {
  const { id = '' } = useParams();
  const { lang, pick } = useI18n();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['premarital', id], queryFn: () => premaritalApi.get(id) });
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Result status="404" title={pick('记录不存在', 'Not found')} />;
  const e = q.data;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['premarital', id] });
    void qc.invalidateQueries({ queryKey: ['premarital-exams'] });
  };
  return (
    <>
      <PageHeader
        title={`${pick('婚前医学检查', 'Premarital examination')} · ${e.examDate}`}
        breadcrumb={[
          { title: pick('婚前保健', 'Premarital care'), to: '/women/premarital-exams' },
          { title: pick('检查记录', 'Record') },
        ]}
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          data-testid="premarital-opinion-text"
          type={e.opinion === 'no_contraindication' ? 'success' : 'warning'}
          message={`${pick('医学意见', 'Opinion')}: ${lab(PREMARITAL_OPINION, e.opinion, lang)}`}
          description={
            <>
              {e.findings.length > 0 && <div>{e.findings.map((f) => lab(PREMARITAL_FINDING, f, lang)).join('；')}</div>}
              {e.opinionNote && <div>{e.opinionNote}</div>}
              <div>
                {pick('证明编号', 'Certificate')}: {e.certificateNo ?? '—'} · {pick('咨询指导', 'Counselling')}:{' '}
                {e.counsellingGiven ? e.counsellingTopics.join('、') || pick('已做', 'given') : pick('未做', 'none')}
              </div>
            </>
          }
        />
        <Partner p={e.female} title={pick('女方', 'Bride')} />
        <Partner p={e.male} title={pick('男方', 'Groom')} />
        {e.followUpDue && (
          <Card
            size="small"
            title={pick('随访', 'Follow-up')}
            extra={
              e.followUpDoneOn ? (
                <Tag color="green">{pick('已随访', 'Done')}</Tag>
              ) : (
                <Tag color={e.followUpOverdue ? 'red' : 'orange'} data-testid="premarital-followup-due">
                  {pick('应于', 'Due')} {e.followUpDue}
                  {e.followUpOverdue ? pick('（逾期）', ' (overdue)') : ''}
                </Tag>
              )
            }
          >
            {e.followUpDoneOn ? (
              <span>
                {e.followUpDoneOn}：{e.followUpOutcome}
              </span>
            ) : (
              <FollowUpForm e={e} onSaved={refresh} />
            )}
          </Card>
        )}
      </Space>
    </>
  );
}
