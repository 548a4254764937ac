import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Modal, Skeleton, Space, Table, Tag } from 'antd';
import { useHasPermission } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { AidApplyModal, AidDecisionModal } from './aid-forms';
import { CardFields, toBody, toForm, type CardValues } from './birth-defect-card';
import { birthDefectApi, type AidApplication, type BirthDefectReport } from './women.api';
import {
  AID_PROGRAMME,
  AID_STATE,
  DEFECT_BASIS,
  DEFECT_CATEGORY,
  DEFECT_CATEGORY_ICD,
  DEFECT_OUTCOME,
  DEFECT_SOURCE,
  DEFECT_TIME,
  SEX,
  aidColor,
  lab,
} from './women-labels';

function EditModal(props: { card: BirthDefectReport; open: boolean; onClose(): void }) {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<CardValues>();
  const { applyToForm } = useApiFeedback();
  const save = useMutation({
    mutationFn: (v: CardValues) => {
      const { motherPersonId: _m, ...body } = toBody(v);
      return birthDefectApi.update(props.card.id, { version: props.card.version, ...body });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['birth-defects'] });
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open={props.open}
      width={820}
      title={pick('更正登记卡', 'Correct the card')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'bd-edit-save' } as never}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<CardValues>
        form={form}
        layout="vertical"
        initialValues={toForm(props.card)}
        onFinish={(v) => save.mutate(v)}
      >
        <CardFields form={form} motherFixed />
      </Form>
    </Modal>
  );
}

/** One birth-defect card: the card's fields, corrections, and the child's aid applications. */
export function BirthDefectDetailPage() {
  const { id = '' } = useParams();
  const { lang, pick } = useI18n();
  const canWrite = useHasPermission('care.write');
  const canDecide = useHasPermission('care.supervise');
  const q = useQuery({ queryKey: ['birth-defects', 'card', id], queryFn: () => birthDefectApi.get(id) });
  const [editing, setEditing] = useState(false);
  const [applying, setApplying] = useState(false);
  const [deciding, setDeciding] = useState<AidApplication | null>(null);
  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !q.data)
    return <Alert type="error" showIcon message={pick('登记卡不存在或无权查看', 'Card not found')} />;
  const c = q.data;
  const ga = c.gestationalWeeks !== null ? `${c.gestationalWeeks}+${c.gestationalDays ?? 0}` : '—';
  const canApply = canWrite && !!c.childPersonId && c.outcome !== 'early_neonatal_death';
  return (
    <>
      <PageHeader
        title={
          <span data-testid="bd-detail-title">
            {pick('出生缺陷儿登记卡', 'Birth-defect card')} · {c.motherName}
          </span>
        }
        subTitle={`${c.motherIdMasked ?? ''} · ${lab(DEFECT_SOURCE, c.source, lang)}`}
        breadcrumb={[
          { title: pick('出生缺陷监测', 'Birth defects'), to: '/women/birth-defects' },
          { title: c.birthDate },
        ]}
        extra={
          <Space>
            {canWrite && (
              <Button onClick={() => setEditing(true)} data-testid="bd-edit">
                {pick('更正', 'Correct')}
              </Button>
            )}
            {canApply && (
              <Button type="primary" onClick={() => setApplying(true)} data-testid="bd-apply-aid">
                {pick('申请救助', 'Apply for aid')}
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="bd-detail">
          <Descriptions.Item label={pick('母亲', 'Mother')}>
            <Link to={`/women/people/${c.motherPersonId}`}>{c.motherName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={pick('儿童', 'Child')}>
            {c.childPersonId ? <Link to={`/children/${c.childPersonId}`}>{c.childName}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={pick('妊娠结束日期', 'Ended on')}>{c.birthDate}</Descriptions.Item>
          <Descriptions.Item label={pick('孕周', 'GA')}>{ga}</Descriptions.Item>
          <Descriptions.Item label={pick('出生体重', 'Weight')}>
            {c.birthWeightG ? `${c.birthWeightG} g` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={pick('性别', 'Sex')}>{lab(SEX, c.sex, lang)}</Descriptions.Item>
          <Descriptions.Item label={pick('结局', 'Outcome')}>
            <span data-testid="bd-outcome-view">{lab(DEFECT_OUTCOME, c.outcome, lang)}</span>
            {c.deathDate ? ` ${c.deathDate}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={pick('诊断', 'Diagnosis')}>
            {lab(DEFECT_TIME, c.diagnosisTime, lang)} {c.diagnosisDate}
          </Descriptions.Item>
          <Descriptions.Item label={pick('诊断依据', 'Basis')}>
            {c.diagnosisBasis.map((b) => lab(DEFECT_BASIS, b, lang)).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={pick('报告机构', 'Institution')}>{c.institutionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={pick('填报人', 'Reporter')}>{c.reporter ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={pick('备注', 'Note')}>{c.note ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={pick('出生缺陷', 'Defects')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="icd10"
          pagination={false}
          dataSource={c.defects}
          data-testid="bd-detail-defects"
          columns={[
            { title: 'ICD-10', dataIndex: 'icd10' },
            {
              title: pick('监测类别', 'Category'),
              render: (_: unknown, d) =>
                `${lab(DEFECT_CATEGORY, d.category, lang)}${DEFECT_CATEGORY_ICD[d.category] ? `（${DEFECT_CATEGORY_ICD[d.category]}）` : ''}`,
            },
            {
              title: pick('病名/描述', 'Description'),
              dataIndex: 'description',
              render: (v: string | null) => v ?? '—',
            },
          ]}
        />
      </Card>
      <Card size="small" title={pick('救助申请', 'Aid applications')}>
        <Table<AidApplication>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.aid ?? []}
          data-testid="bd-detail-aid"
          columns={[
            { title: pick('申请日期', 'Applied'), dataIndex: 'appliedOn' },
            {
              title: pick('项目', 'Programme'),
              dataIndex: 'programme',
              render: (v: string) => lab(AID_PROGRAMME, v, lang),
            },
            { title: pick('病种', 'Condition'), dataIndex: 'condition' },
            {
              title: pick('状态', 'Status'),
              render: (_: unknown, a) => <Tag color={aidColor(a.status)}>{lab(AID_STATE, a.status, lang)}</Tag>,
            },
            {
              title: pick('批准金额', 'Approved'),
              dataIndex: 'approvedAmount',
              render: (v: number | null) => (v === null ? '—' : `${v} ${pick('元', 'yuan')}`),
            },
            { title: pick('发放日期', 'Paid'), dataIndex: 'paidOn', render: (v: string | null) => v ?? '—' },
            {
              title: '',
              render: (_: unknown, a) =>
                canDecide &&
                a.allowedDecisions.length > 0 && (
                  <Button size="small" onClick={() => setDeciding({ ...a, personName: c.childName ?? '' })}>
                    {a.status === 'approved' ? pick('登记发放', 'Record payment') : pick('审批', 'Decide')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {editing && <EditModal card={c} open={editing} onClose={() => setEditing(false)} />}
      {applying && (
        <AidApplyModal
          open={applying}
          onClose={() => setApplying(false)}
          personId={c.childPersonId}
          birthDefectReportId={c.id}
          condition={c.defects.map((d) => d.description ?? lab(DEFECT_CATEGORY, d.category, lang)).join('、')}
        />
      )}
      <AidDecisionModal key={deciding?.id ?? 'none'} application={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
