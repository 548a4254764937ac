import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import { EditOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/api-error';
import { getPerson, transferPerson, updatePerson } from '../../api/people.api';
import { getRegion } from '../../api/platform.api';
import type { PersonDetailDto, PersonDto } from '../../api/types';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { MaskedField } from '../../components/masked-field';
import { PageHeader } from '../../components/page-header';
import { RegionPicker } from '../../components/region-picker';
import { ID_TYPE_LABELS, SEX_LABELS, labelOf } from '../../i18n/labels';
import { useI18n } from '../../i18n/i18n-provider';
import { PersonFormFields, formData, initialValues, type PersonFormValues } from './person-form-fields';
import { toUpdateInput } from './person-form';
import { ageYears, ethnicityLabel, residenceText } from './person-labels';

function RegionName({ code }: { code: string | null }) {
  const q = useQuery({
    queryKey: ['regions', 'one', code],
    queryFn: () => getRegion(code ?? ''),
    enabled: !!code,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!code) return <>—</>;
  const names = q.data ? [...q.data.ancestors.filter((a) => a.level !== 'country'), q.data].map((r) => r.name) : [];
  return <>{names.length ? names.join(' / ') : code}</>;
}

function EditPersonModal(props: { person: PersonDto; open: boolean; onClose(): void; counties: readonly string[] }) {
  const { person } = props;
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm, showError } = useApiFeedback();
  const [form] = Form.useForm<PersonFormValues>();
  const update = useMutation({
    mutationFn: (v: PersonFormValues) => updatePerson(person.id, toUpdateInput(person, formData(v))),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['person', person.id] });
      void qc.invalidateQueries({ queryKey: ['people'] });
      props.onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        showError(e);
        void qc.invalidateQueries({ queryKey: ['person', person.id] });
        props.onClose();
        return;
      }
      applyToForm(form, e);
    },
  });
  return (
    <Modal
      open={props.open}
      title={t('person.editTitle', { name: person.name })}
      width={820}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
      onCancel={props.onClose}
      okButtonProps={{ htmlType: 'submit' }}
      modalRender={(node) => (
        <Form<PersonFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues(person)}
          onFinish={(v) => {
            if (Object.keys(toUpdateInput(person, formData(v))).length <= 1) {
              void message.info(t('common.noChanges'));
              return;
            }
            update.mutate(v);
          }}
        >
          {node}
        </Form>
      )}
    >
      {/* a person's residence may change within her county; other counties are a transfer */}
      <PersonFormFields form={form} counties={[person.countyCode]} original={person} />
    </Modal>
  );
}

interface TransferValues {
  toResidenceRegionCode: string;
  address?: string;
  reason: string;
}

function TransferModal(props: { person: PersonDto; open: boolean; onClose(): void }) {
  const { person } = props;
  const me = useCurrentUser();
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message, modal } = AntApp.useApp();
  const { applyToForm, showError } = useApiFeedback();
  const [form] = Form.useForm<TransferValues>();
  const transfer = useMutation({
    mutationFn: (v: TransferValues) =>
      transferPerson(person.id, {
        toResidenceRegionCode: v.toResidenceRegionCode,
        address: v.address?.trim() || undefined,
        reason: v.reason.trim(),
        version: person.version,
      }),
    onSuccess: (moved) => {
      void message.success(
        t('person.transferred', { name: person.name, county: moved.countyName ?? moved.countyCode }),
      );
      void qc.invalidateQueries({ queryKey: ['people'] });
      props.onClose();
      if (me.counties.includes(moved.countyCode)) void qc.invalidateQueries({ queryKey: ['person', person.id] });
      else navigate('/people', { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        showError(e);
        void qc.invalidateQueries({ queryKey: ['person', person.id] });
        props.onClose();
        return;
      }
      applyToForm(form, e);
    },
  });

  async function confirm(v: TransferValues) {
    let place = v.toResidenceRegionCode;
    try {
      const r = await qc.fetchQuery({
        queryKey: ['regions', 'one', v.toResidenceRegionCode],
        queryFn: () => getRegion(v.toResidenceRegionCode),
        staleTime: Number.POSITIVE_INFINITY,
      });
      place = [...r.ancestors.filter((a) => a.level !== 'country'), r].map((x) => x.name).join(' / ');
    } catch {
      // the code itself will do for the question
    }
    modal.confirm({
      title: t('person.transferConfirmTitle'),
      content: t('person.transferConfirm', { name: person.name, place }),
      okText: t('person.transfer'),
      cancelText: t('common.cancel'),
      onOk: () => transfer.mutateAsync(v).catch(() => undefined),
    });
  }

  return (
    <Modal
      open={props.open}
      title={t('person.transferTitle', { name: person.name })}
      okText={t('common.next')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={() => void form.validateFields().then(confirm, () => undefined)}
    >
      <Alert type="info" showIcon message={t('person.transferHelp')} style={{ marginBottom: 16 }} />
      <Form<TransferValues> form={form} layout="vertical">
        <Form.Item
          name="toResidenceRegionCode"
          label={t('person.transferTo')}
          rules={[{ required: true, message: t('person.residenceRequired') }]}
        >
          <RegionPicker data-testid="transfer-region" />
        </Form.Item>
        <Form.Item name="address" label={t('person.address')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('person.transferReason')}
          rules={[
            { required: true, whitespace: true, message: t('person.transferReasonRequired') },
            { min: 2, message: t('person.transferReasonRequired') },
            { max: 200 },
          ]}
        >
          <Input.TextArea rows={2} data-testid="transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A person's record: identifiers masked with an audited reveal, family links, edit, and transfer. */
export function PersonDetailPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const q = useQuery({ queryKey: ['person', id], queryFn: () => getPerson(id), enabled: !!id });
  const can = (p: string) => me.permissions.includes(p);

  if (q.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (q.isError) {
    return (
      <Result
        status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'}
        title={errorText(q.error)}
        extra={<Button onClick={() => navigate('/people')}>{t('people.backToSearch')}</Button>}
      />
    );
  }
  const p: PersonDetailDto = q.data;
  const age = ageYears(p.birthDate);

  return (
    <div>
      <PageHeader
        breadcrumb={[{ title: t('people.searchTitle'), to: '/people' }, { title: p.name }]}
        title={
          <Space size={8} wrap>
            <span data-testid="person-title">{p.name}</span>
            <Tag>{labelOf(SEX_LABELS, p.sex, lang)}</Tag>
            {age !== null && <Tag>{t('person.age', { n: age })}</Tag>}
            {p.isNonResident && <Tag color="blue">{t('person.nonResident')}</Tag>}
            {p.deceasedOn && <Tag color="default">{t('person.deceased')}</Tag>}
            {p.isSynthetic && <Tag color="orange">{t('person.synthetic')}</Tag>}
          </Space>
        }
        extra={
          <>
            {can('person.write') && p.sex === 'female' && (
              <Button icon={<UserAddOutlined />} onClick={() => navigate(`/people/new?motherId=${p.id}`)}>
                {t('person.registerChild')}
              </Button>
            )}
            {can('person.transfer') && (
              <Button icon={<SwapOutlined />} onClick={() => setTransferring(true)} data-testid="person-transfer">
                {t('person.transfer')}
              </Button>
            )}
            {can('person.write') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      />
      <Card title={t('person.basicInfo')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="middle" data-testid="person-details">
          <Descriptions.Item label={t('person.name')}>{p.name}</Descriptions.Item>
          <Descriptions.Item label={t('person.sex')}>{labelOf(SEX_LABELS, p.sex, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('person.birthDate')}>{p.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('person.idType')}>{labelOf(ID_TYPE_LABELS, p.idType, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('person.idNumber')}>
            <MaskedField personId={p.id} field="idNumber" masked={p.idNumberMasked} canReveal={can('person.reveal')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('person.phone')}>
            <MaskedField personId={p.id} field="phone" masked={p.phoneMasked} canReveal={can('person.reveal')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('person.ethnicity')}>
            {ethnicityLabel(p.ethnicity, lang) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('person.hukouRegion')}>
            <RegionName code={p.hukouRegionCode} />
          </Descriptions.Item>
          <Descriptions.Item label={t('person.residence')}>{residenceText(p)}</Descriptions.Item>
          <Descriptions.Item label={t('person.address')}>{p.address || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('person.mother')}>
            {p.mother ? (
              <Link to={`/people/${p.mother.id}`} data-testid="mother-link">
                {p.mother.name}
              </Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('person.updatedAt')}>
            {new Date(p.updatedAt).toLocaleString(lang)} · v{p.version}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('person.children')}>
        <Table<PersonDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.children}
          locale={{ emptyText: t('person.noChildren') }}
          columns={[
            {
              title: t('person.name'),
              dataIndex: 'name',
              render: (n: string, c) => (
                <Link to={`/people/${c.id}`} data-testid="child-link">
                  {n}
                </Link>
              ),
            },
            { title: t('person.sex'), dataIndex: 'sex', render: (s: string) => labelOf(SEX_LABELS, s, lang) },
            { title: t('person.birthDate'), dataIndex: 'birthDate' },
            { title: t('person.residence'), key: 'r', render: (_: unknown, c) => residenceText(c) },
          ]}
        />
      </Card>
      {editing && (
        <EditPersonModal person={p} open={editing} onClose={() => setEditing(false)} counties={me.counties} />
      )}
      {transferring && <TransferModal person={p} open={transferring} onClose={() => setTransferring(false)} />}
    </div>
  );
}
