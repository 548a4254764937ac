import { useParams } from 'react-router-dom';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Result,
  Skeleton,
  Space,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { preconceptionApi, type PreconceptionCheck, type PreconceptionPartner } from './women.api';
import { POS_NEG, RISK_FACTOR, RISK_LEVEL, lab } from './women-labels';

function Partner(props: { p: PreconceptionPartner | null; title: string }) {
  const { lang, pick } = useI18n();
  const { p } = props;
  if (!p) return null;
  return (
    <Card
      size="small"
      title={props.title}
      extra={
        p.riskLevel && <Tag color={p.riskLevel === 'high' ? 'red' : 'green'}>{lab(RISK_LEVEL, p.riskLevel, lang)}</Tag>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={pick('姓名', 'Name')}>
          <Link to={`/people/${p.personId}`}>{p.name}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={pick('证件号码', 'ID')}>{p.idNumberMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={pick('检查值', 'Values')}>
          {Object.entries(p.values)
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join('；') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={pick('风险因素', 'Risk factors')} span={3}>
          <span data-testid="pc-factors">
            {p.riskFactors.map((f) => (
              <Tag key={f} color="orange">
                {lab(RISK_FACTOR, f, lang)}
              </Tag>
            ))}
            {p.riskFactors.length === 0 && '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={pick('传染病检测', 'Infectious tests')} span={3}>
          {p.infectious === 'restricted' ? (
            <Tag>{pick('受限（需母婴阻断权限）', 'Restricted')}</Tag>
          ) : p.infectious ? (
            <>
              {Object.entries(p.infectious.results).map(([k, v]) => (
                <Tag key={k} color={v === 'positive' ? 'red' : 'default'}>
                  {k}: {lab(POS_NEG, v, lang)}
                </Tag>
              ))}
              {p.infectious.factors.map((f) => (
                <Tag key={f} color="red">
                  {lab(RISK_FACTOR, f, lang)}
                </Tag>
              ))}
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Actions(props: { c: PreconceptionCheck; onSaved(): void }) {
  const { pick } = useI18n();
  const { applyToForm } = useApiFeedback();
  const { c } = props;
  const [fu] = Form.useForm<{ date: Dayjs; outcome: string }>();
  const [preg] = Form.useForm<{ confirmedOn: Dayjs; pregnancyId?: string }>();
  const [disp] = Form.useForm<{ dispensedOn: Dayjs; packs: number }>();
  const saveFu = useMutation({
    mutationFn: (v: { date: Dayjs; outcome: string }) =>
      preconceptionApi.followUp(c.id, { version: c.version, date: v.date.format('YYYY-MM-DD'), outcome: v.outcome }),
    onSuccess: props.onSaved,
    onError: (e) => applyToForm(fu, e),
  });
  const savePreg = useMutation({
    mutationFn: (v: { confirmedOn: Dayjs; pregnancyId?: string }) =>
      preconceptionApi.pregnancy(c.id, {
        version: c.version,
        confirmedOn: v.confirmedOn.format('YYYY-MM-DD'),
        pregnancyId: v.pregnancyId || undefined,
      }),
    onSuccess: props.onSaved,
    onError: (e) => applyToForm(preg, e),
  });
  const saveDisp = useMutation({
    mutationFn: (v: { dispensedOn: Dayjs; packs: number }) =>
      preconceptionApi.dispense({
        personId: c.female.personId,
        preconceptionCheckId: c.id,
        dispensedOn: v.dispensedOn.format('YYYY-MM-DD'),
        packs: v.packs,
      }),
    onSuccess: props.onSaved,
    onError: (e) => applyToForm(disp, e),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {c.followUpDue && !c.followUpDoneOn && (
        <Card
          size="small"
          title={pick('随访', 'Follow-up')}
          extra={<Tag color={c.followUpOverdue ? 'red' : 'orange'}>{c.followUpDue}</Tag>}
        >
          <Form form={fu} layout="inline" initialValues={{ date: dayjs() }} onFinish={(v) => saveFu.mutate(v)}>
            <Form.Item name="date" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="outcome" rules={[{ required: true }]}>
              <Input placeholder={pick('随访结果', 'Outcome')} style={{ width: 320 }} />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={saveFu.isPending}>
              {pick('登记随访', 'Record')}
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small" title={pick('怀孕后关联妊娠记录', 'Pregnancy that followed')}>
        {c.pregnancyConfirmedOn ? (
          <span>
            {pick('确认妊娠', 'Confirmed')} {c.pregnancyConfirmedOn} {c.pregnancyId ?? ''}
          </span>
        ) : (
          <Form form={preg} layout="inline" onFinish={(v) => savePreg.mutate(v)}>
            <Form.Item name="confirmedOn" rules={[{ required: true }]}>
              <DatePicker placeholder={pick('确认妊娠日期', 'Confirmed on')} />
            </Form.Item>
            <Form.Item name="pregnancyId">
              <Input
                placeholder={pick('孕产期保健记录编号（可空）', 'Pregnancy record id (optional)')}
                style={{ width: 300 }}
              />
            </Form.Item>
            <Button htmlType="submit" loading={savePreg.isPending}>
              {pick('关联', 'Link')}
            </Button>
          </Form>
        )}
      </Card>
      <Card size="small" title={pick('发放叶酸', 'Give folic acid')}>
        <Form
          form={disp}
          layout="inline"
          initialValues={{ dispensedOn: dayjs(), packs: 3 }}
          onFinish={(v) => saveDisp.mutate(v)}
        >
          <Form.Item name="dispensedOn" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="packs" label={pick('瓶数', 'Packs')} rules={[{ required: true }]}>
            <InputNumber min={1} max={24} />
          </Form.Item>
          <Button htmlType="submit" loading={saveDisp.isPending}>
            {pick('发放', 'Dispense')}
          </Button>
          {saveDisp.isSuccess && <Tag color="green">{pick('已发放', 'Dispensed')}</Tag>}
        </Form>
      </Card>
    </Space>
  );
}

/** One preconception check: both partners' risk, advice, referral, follow-up, pregnancy link, folic acid. */
export function PreconceptionDetailPage() {
  const { id = '' } = useParams();
  const { lang, pick } = useI18n();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['preconception', id], queryFn: () => preconceptionApi.get(id) });
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Result status="404" title={pick('记录不存在', 'Not found')} />;
  const c = q.data;
  return (
    <>
      <PageHeader
        title={`${pick('孕前优生健康检查', 'Preconception check')} · ${c.checkDate}`}
        breadcrumb={[
          { title: pick('孕前保健', 'Preconception care'), to: '/women/preconception-checks' },
          { title: pick('检查记录', 'Record') },
        ]}
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          data-testid="pc-risk"
          type={c.riskLevel === 'high' ? 'warning' : 'success'}
          message={`${pick('风险评估', 'Risk')}: ${lab(RISK_LEVEL, c.riskLevel, lang)}`}
          description={
            <>
              {c.advice && <div>{c.advice}</div>}
              {c.referred && (
                <div>
                  {pick('转诊', 'Referred')}: {c.referralTo} · {c.referralReason}
                </div>
              )}
              {c.followUpDoneOn && (
                <div>
                  {pick('已随访', 'Followed up')} {c.followUpDoneOn}: {c.followUpOutcome}
                </div>
              )}
            </>
          }
        />
        <Partner p={c.female} title={pick('女方', 'Woman')} />
        <Partner p={c.male} title={pick('男方', 'Man')} />
        <Actions
          c={c}
          onSaved={() => {
            void qc.invalidateQueries({ queryKey: ['preconception', id] });
            void qc.invalidateQueries({ queryKey: ['folic'] });
          }}
        />
      </Space>
    </>
  );
}
