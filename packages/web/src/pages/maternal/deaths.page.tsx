import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { searchPeople } from '../../api/people.api';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { maternalApi, type MaternalDeath } from './maternal.api';

const PLACES: [string, string, string][] = [
  ['provincial_city_hospital', '省（地）级医院', 'Provincial/city hospital'],
  ['county_hospital', '县（区）级医院', 'County hospital'],
  ['township_hc', '乡镇卫生院', 'Township health centre'],
  ['village_clinic', '村卫生室', 'Village clinic'],
  ['home', '家中', 'Home'],
  ['en_route', '途中', 'En route'],
  ['other', '其他', 'Other'],
];
const STAGES: [string, string, string][] = [
  ['personal_family', '个人/家庭/社区', 'Individual/family/community'],
  ['health_system', '医疗保健系统', 'Health system'],
  ['society', '社会其他部门', 'Other sectors'],
];
const ASPECTS: [string, string, string][] = [
  ['knowledge_skill', '知识技能', 'Knowledge/skill'],
  ['attitude', '态度', 'Attitude'],
  ['resources', '资源', 'Resources'],
  ['management', '管理', 'Management'],
];
const CONCLUSIONS: [string, string, string][] = [
  ['avoidable', '可避免', 'Avoidable'],
  ['conditionally_avoidable', '创造条件可避免', 'Avoidable under better conditions'],
  ['unavoidable', '不可避免', 'Unavoidable'],
];

/** 孕产妇死亡报告与评审: draft cards, submission (alerts county and city), committee reviews with the 12-cell grid. */
export function MaternalDeathsPage() {
  const { pick } = useI18n();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { applyToForm, showError } = useApiFeedback();
  const [dialog, setDialog] = useState<null | 'new' | { review: MaternalDeath }>(null);
  const [who, setWho] = useState('');
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['maternal', 'deaths'], queryFn: maternalApi.deaths });
  const people = useQuery({
    queryKey: ['people', 'death-pick', who],
    queryFn: () => searchPeople(who, 1, 20),
    enabled: !!who,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['maternal'] });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const day = (x: unknown) => (x as Dayjs).format('YYYY-MM-DD');
      if (dialog === 'new')
        return maternalApi.createDeath({
          personId: v.personId,
          deathDate: day(v.deathDate),
          deathPlace: v.deathPlace,
          causeA: v.causeA || undefined,
          underlyingCause: v.underlyingCause,
          icd10: v.icd10,
          diagnosisBasis: v.diagnosisBasis,
        });
      const d = (dialog as { review: MaternalDeath }).review;
      const factors = Object.fromEntries(((v.factors as string[] | undefined) ?? []).map((k) => [k, '']));
      return maternalApi.reviewDeath(d.id, {
        level: v.level,
        reviewedOn: day(v.reviewedOn),
        conclusion: v.conclusion,
        factors,
        actions: v.actions || undefined,
      });
    },
    onSuccess: () => {
      setDialog(null);
      form.resetFields();
      refresh();
    },
    onError: (e) => applyToForm(form, e),
  });
  const submit = useMutation({
    mutationFn: (d: MaternalDeath) => maternalApi.submitDeath(d.id, d.version),
    onSuccess: refresh,
    onError: showError,
  });
  const label = (list: [string, string, string][], k: string) => {
    const x = list.find((l) => l[0] === k);
    return x ? pick(x[1], x[2]) : k;
  };
  return (
    <>
      <PageHeader
        title={pick('孕产妇死亡报告与评审', 'Maternal deaths')}
        extra={
          me.permissions.includes('care.write') && (
            <Button type="primary" onClick={() => setDialog('new')}>
              {pick('填写报告卡', 'New report card')}
            </Button>
          )
        }
      />
      <Card>
        <Table<MaternalDeath>
          size="small"
          rowKey="id"
          dataSource={q.data ?? []}
          loading={q.isLoading}
          columns={[
            {
              title: pick('姓名', 'Name'),
              render: (_: unknown, d) => <Link to={`/maternal/women/${d.personId}`}>{d.womanName}</Link>,
            },
            { title: pick('死亡日期', 'Died'), dataIndex: 'deathDate' },
            { title: pick('地点', 'Place'), dataIndex: 'deathPlace', render: (p: string) => label(PLACES, p) },
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
                    {me.permissions.includes('care.write') && (
                      <Button size="small" type="primary" onClick={() => submit.mutate(d)}>
                        {pick('上报', 'Submit')}
                      </Button>
                    )}
                  </Space>
                ) : (
                  <Tag color="red">{pick('已上报', 'Submitted')}</Tag>
                ),
            },
            {
              title: pick('评审', 'Reviews'),
              render: (_: unknown, d) => (
                <Space wrap>
                  {d.reviews.map((r) => (
                    <Tag key={r.id}>
                      {r.level} · {label(CONCLUSIONS, r.conclusion)}
                    </Tag>
                  ))}
                  {d.status === 'submitted' && me.permissions.includes('care.supervise') && (
                    <Button size="small" onClick={() => setDialog({ review: d })}>
                      {pick('评审', 'Review')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        destroyOnHidden
        width={760}
        title={dialog === 'new' ? pick('孕产妇死亡报告卡', 'Maternal death card') : pick('死亡评审', 'Death review')}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => save.mutate(v as Record<string, unknown>)}
        >
          {dialog === 'new' && (
            <>
              <Form.Item name="personId" label={pick('死者（个人主索引）', 'The woman')} rules={[{ required: true }]}>
                <Select
                  showSearch
                  filterOption={false}
                  onSearch={setWho}
                  options={(people.data?.items ?? [])
                    .filter((p) => p.sex === 'female')
                    .map((p) => ({ value: p.id, label: `${p.name} ${p.birthDate ?? ''} ${p.idNumberMasked ?? ''}` }))}
                />
              </Form.Item>
              <Space wrap>
                <Form.Item
                  name="deathDate"
                  label={pick('死亡日期', 'Date')}
                  rules={[{ required: true }]}
                  initialValue={dayjs()}
                >
                  <DatePicker />
                </Form.Item>
                <Form.Item name="deathPlace" label={pick('死亡地点', 'Place')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 200 }}
                    options={PLACES.map(([value, zh, en]) => ({ value, label: pick(zh, en) }))}
                  />
                </Form.Item>
                <Form.Item name="diagnosisBasis" label={pick('诊断依据', 'Basis')}>
                  <Select
                    style={{ width: 140 }}
                    options={[
                      { value: 'autopsy', label: pick('尸检', 'Autopsy') },
                      { value: 'pathology', label: pick('病理', 'Pathology') },
                      { value: 'clinical', label: pick('临床', 'Clinical') },
                      { value: 'inferred', label: pick('推断', 'Inferred') },
                    ]}
                  />
                </Form.Item>
              </Space>
              <Form.Item name="causeA" label={pick('直接死因 (a)', 'Cause (a)')}>
                <Input />
              </Form.Item>
              <Space wrap>
                <Form.Item
                  name="underlyingCause"
                  label={pick('根本死因', 'Underlying cause')}
                  rules={[{ required: true }]}
                >
                  <Input style={{ width: 320 }} />
                </Form.Item>
                <Form.Item name="icd10" label="ICD-10" rules={[{ required: true }]}>
                  <Input style={{ width: 120 }} placeholder="O72.1" />
                </Form.Item>
              </Space>
            </>
          )}
          {dialog && dialog !== 'new' && (
            <>
              <Space wrap>
                <Form.Item name="level" label={pick('评审级别', 'Level')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 120 }}
                    options={[
                      { value: 'county', label: pick('县级', 'County') },
                      { value: 'city', label: pick('市级', 'City') },
                      { value: 'province', label: pick('省级', 'Province') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name="reviewedOn"
                  label={pick('评审日期', 'Date')}
                  rules={[{ required: true }]}
                  initialValue={dayjs()}
                >
                  <DatePicker />
                </Form.Item>
                <Form.Item name="conclusion" label={pick('结论', 'Conclusion')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 200 }}
                    options={CONCLUSIONS.map(([value, zh, en]) => ({ value, label: pick(zh, en) }))}
                  />
                </Form.Item>
              </Space>
              <Form.Item name="factors" label={pick('影响因素（十二格表）', 'Contributing factors (12-cell grid)')}>
                <Checkbox.Group
                  style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 4 }}
                  options={STAGES.flatMap(([s, sz, se]) =>
                    ASPECTS.map(([a, az, ae]) => ({ value: `${s}.${a}`, label: pick(`${sz}·${az}`, `${se} · ${ae}`) })),
                  )}
                />
              </Form.Item>
              <Form.Item name="actions" label={pick('改进措施', 'Actions')}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
