import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Result, Skeleton, Space, Tag } from 'antd';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { ScreeningCasePanel } from './screening-case-panel';
import { ScreeningResultFields, resultBody, type ResultValues } from './screening-result-fields';
import { screeningApi, type Screening } from './women.api';
import {
  BIRADS,
  BREAST_FINDINGS,
  BREAST_PATH,
  BREAST_RISK,
  COHORT,
  COLPOSCOPY,
  HISTOLOGY,
  HPV_CATEGORY,
  KIND,
  METHOD,
  PATHWAY_NEXT,
  SENIOR_REVIEW,
  STATUS,
  TBS,
  VIA_VILI,
  lab,
} from './women-labels';

function PendingResults(props: { s: Screening; onSaved(): void }) {
  const { pick } = useI18n();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<ResultValues>();
  const save = useMutation({
    mutationFn: (v: ResultValues) =>
      screeningApi.update(props.s.id, { version: props.s.version, ...resultBody(v, props.s.kind) }),
    onSuccess: () => props.onSaved(),
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Card size="small" title={pick('补录初筛结果', 'Enter the first-line results')} data-testid="pending-results">
      <Form<ResultValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <ScreeningResultFields kind={props.s.kind} method={props.s.method} />
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="results-save">
          {pick('保存结果', 'Save results')}
        </Button>
      </Form>
    </Card>
  );
}

/** One screening record: results, the pathway's next step (core), and its follow-up case. */
export function ScreeningDetailPage() {
  const { id = '' } = useParams();
  const { lang, pick } = useI18n();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['cancer-screening', id], queryFn: () => screeningApi.get(id) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['cancer-screening', id] });
    void qc.invalidateQueries({ queryKey: ['cancer-screenings'] });
    void qc.invalidateQueries({ queryKey: ['cancer-screening-cases'] });
  };
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Result status="404" title={pick('筛查记录不存在', 'Not found')} />;
  const s = q.data;
  const cervical = s.kind === 'cervical';
  return (
    <>
      <PageHeader
        title={`${lab(KIND, s.kind, lang)}${pick('筛查', ' screening')} · ${s.screeningDate}`}
        breadcrumb={[
          { title: pick('两癌筛查', 'Cancer screening'), to: '/women/cancer-screenings' },
          { title: pick('筛查记录', 'Record') },
        ]}
        extra={
          <Link to={`/people/${s.personId}`} data-testid="screening-person-link">
            {pick('查看妇女档案', 'Open her record')}
          </Link>
        }
      />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Alert
          data-testid="pathway-next"
          type={s.status === 'abnormal' ? 'warning' : s.status === 'normal' ? 'success' : 'info'}
          message={
            s.status === 'pending'
              ? pick('等待初筛结果', 'Waiting for the first-line result')
              : `${lab(STATUS, s.status, lang)} · ${pick('下一步', 'Next')}: ${lab(PATHWAY_NEXT, s.nextStep, lang)}`
          }
          description={s.nextDueOn ? `${pick('下次筛查日期', 'Next screening due')}: ${s.nextDueOn}` : undefined}
        />
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="screening-details">
            <Descriptions.Item label={pick('方法', 'Method')}>{lab(METHOD, s.method, lang)}</Descriptions.Item>
            <Descriptions.Item label={pick('人群', 'Cohort')}>{lab(COHORT, s.cohort, lang)}</Descriptions.Item>
            <Descriptions.Item label={pick('年龄', 'Age')}>
              {s.ageAtScreening}
              {s.eligible ? '' : <Tag style={{ marginLeft: 8 }}>{pick('非适龄', 'not eligible')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={pick('免费项目', 'Funded')}>
              {s.funded ? pick('是', 'Yes') : pick('否', 'No')}
            </Descriptions.Item>
            <Descriptions.Item label={pick('机构', 'Institution')}>{s.institutionName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={pick('检查者', 'Examiner')}>{s.examiner ?? '—'}</Descriptions.Item>
            {cervical && (
              <>
                <Descriptions.Item label="HPV">
                  {s.hpvTypes === null
                    ? '—'
                    : `${lab(HPV_CATEGORY, s.hpvCategory, lang)}${s.hpvTypes.length ? `（${s.hpvTypes.join('、')}）` : ''}`}
                </Descriptions.Item>
                <Descriptions.Item label={pick('细胞学', 'Cytology')}>
                  {s.cytology ? `${s.cytology} ${lab(TBS, s.cytology, lang)}` : '—'}
                </Descriptions.Item>
                <Descriptions.Item label="VIA/VILI">{lab(VIA_VILI, s.viaVili, lang)}</Descriptions.Item>
                <Descriptions.Item label={pick('阴道镜', 'Colposcopy')}>
                  {lab(COLPOSCOPY, s.colposcopy, lang)}
                </Descriptions.Item>
                <Descriptions.Item label={pick('组织病理', 'Histopathology')}>
                  <span data-testid="histopathology">{lab(HISTOLOGY, s.histopathology, lang)}</span>
                </Descriptions.Item>
              </>
            )}
            {!cervical && (
              <>
                <Descriptions.Item label={pick('临床检查', 'Clinical exam')}>
                  {s.clinicalFindings.map((f) => lab(BREAST_FINDINGS, f, lang)).join('、') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={pick('高危因素', 'High risk')}>
                  {s.highRiskFactors.map((f) => lab(BREAST_RISK, f, lang)).join('、') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={pick('超声', 'Ultrasound')}>
                  {lab(BIRADS, s.ultrasoundBirads, lang)}
                </Descriptions.Item>
                <Descriptions.Item label={pick('乳腺X线', 'Mammography')}>
                  {lab(BIRADS, s.mammographyBirads, lang)}
                </Descriptions.Item>
                <Descriptions.Item label={pick('专家会诊', 'Senior review')}>
                  {lab(SENIOR_REVIEW, s.seniorReview, lang)}
                </Descriptions.Item>
                <Descriptions.Item label={pick('病理', 'Pathology')}>
                  {lab(BREAST_PATH, s.breastPathology, lang)}
                </Descriptions.Item>
              </>
            )}
            {s.note && <Descriptions.Item label={pick('备注', 'Note')}>{s.note}</Descriptions.Item>}
          </Descriptions>
        </Card>
        {s.status === 'pending' && !s.case && <PendingResults s={s} onSaved={refresh} />}
        {s.case && <ScreeningCasePanel c={s.case} onChange={refresh} />}
      </Space>
    </>
  );
}
