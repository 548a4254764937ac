import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, List, Segmented, Space, Table, Tag } from 'antd';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { PageHeader } from '../../components/page-header';
import { RegionPicker } from '../../components/region-picker';
import { useI18n } from '../../i18n/i18n-provider';
import { ColourChips, WORK_KINDS, lbl } from './maternal-labels';
import { maternalApi, type WorkItem } from './maternal.api';

/** Supervisors' alerts (pregnancies of minors, maternal deaths) with acknowledgement. */
function AlertsCard() {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const { showError } = useApiFeedback();
  const q = useQuery({ queryKey: ['maternal', 'alerts'], queryFn: maternalApi.alerts });
  const ack = useMutation({
    mutationFn: maternalApi.ackAlert,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['maternal', 'alerts'] }),
    onError: showError,
  });
  if (!q.data?.length) return null;
  return (
    <Card size="small" title={pick('提醒', 'Alerts')} style={{ marginBottom: 16 }}>
      <List
        size="small"
        data-testid="alert-list"
        dataSource={q.data}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="a" size="small" onClick={() => ack.mutate(a.id)}>
                {pick('确认', 'Acknowledge')}
              </Button>,
            ]}
          >
            <Space>
              <Tag color={a.kind === 'maternal_death' ? 'red' : 'orange'}>
                {a.kind === 'maternal_death' ? pick('孕产妇死亡', 'Maternal death') : pick('未成年妊娠', 'Minor')}
              </Tag>
              {a.personId ? (
                <Link to={`/maternal/women/${a.personId}`}>{pick(a.messageZh, a.messageEn)}</Link>
              ) : (
                pick(a.messageZh, a.messageEn)
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 孕产妇保健工作清单: what is due this week and overdue, by kind, institution and township, with counts. */
export function MaternalWorklistPage() {
  const { lang, pick } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [kind, setKind] = useState(params.get('kind') ?? 'all');
  const [township, setTownship] = useState<string | undefined>();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['maternal', 'worklist', kind, township, institutionId],
    queryFn: () =>
      maternalApi.worklist({
        kind: kind === 'all' ? undefined : kind,
        township: township && township.length >= 9 ? township.slice(0, 9) : undefined,
        institutionId: institutionId ?? undefined,
      }),
  });
  const counts = q.data?.counts ?? {};
  // every overdue duty of the list, counted by the server (the page holds at most `limit` rows of each kind)
  const overdue = q.data?.overdue ?? 0;
  return (
    <>
      <PageHeader
        title={pick('孕产妇保健工作清单', 'Maternal worklist')}
        subTitle={pick('本周应做和已逾期的工作', 'Due this week and overdue')}
        extra={
          me.permissions.includes('care.write') && (
            <Button type="primary" onClick={() => navigate('/maternal/register')} data-testid="maternal-register">
              {pick('孕产妇建册', 'Register a pregnancy')}
            </Button>
          )
        }
      />
      {me.permissions.includes('care.supervise') && <AlertsCard />}
      {overdue > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={pick(`${overdue} 项已逾期`, `${overdue} overdue`)}
        />
      )}
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={kind}
            onChange={(v) => setKind(String(v))}
            data-testid="worklist-kinds"
            options={[
              { value: 'all', label: pick('全部', 'All') },
              ...Object.keys(WORK_KINDS)
                .filter((k) => k !== 'pmtct_action' || me.permissions.includes('pmtct'))
                .map((k) => ({ value: k, label: `${lbl(WORK_KINDS, k, lang)}${counts[k] ? ` ${counts[k]}` : ''}` })),
            ]}
          />
          <div style={{ width: 260 }}>
            <InstitutionSelect value={institutionId} onChange={setInstitutionId} />
          </div>
          <RegionPicker
            counties={me.counties}
            maxLevel="township"
            value={township}
            onChange={setTownship}
            placeholder={pick('乡镇（街道）', 'Township')}
            style={{ width: 240 }}
            data-testid="worklist-township"
          />
        </Space>
        <Table<WorkItem>
          size="small"
          rowKey={(r) => `${r.kind}-${r.pregnancyId}-${r.refId ?? ''}`}
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          data-testid="maternal-worklist"
          columns={[
            {
              title: pick('孕产妇', 'Woman'),
              render: (_: unknown, r) => (
                <Link to={`/maternal/women/${r.personId}?pregnancyId=${r.pregnancyId}`} data-testid="worklist-woman">
                  {r.womanName}
                </Link>
              ),
            },
            { title: pick('孕周', 'GA'), dataIndex: 'gestationalAge' },
            {
              title: pick('颜色', 'Colour'),
              render: (_: unknown, r) => <ColourChips colour={r.riskColour} purple={r.riskPurple} lang={lang} />,
            },
            { title: pick('类别', 'Kind'), dataIndex: 'kind', render: (k: string) => lbl(WORK_KINDS, k, lang) },
            { title: pick('事项', 'What'), render: (_: unknown, r) => pick(r.what, r.whatEn) },
            {
              title: pick('应完成', 'Due'),
              render: (_: unknown, r) =>
                r.due ? (
                  <Tag color={r.overdue ? 'red' : 'blue'}>
                    {r.due.length > 10 ? new Date(r.due).toLocaleString(lang) : r.due}
                  </Tag>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
