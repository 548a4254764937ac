import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Modal, Space, Table, Typography } from 'antd';
import { ApiError } from '../../api/api-error';
import { newUuid } from '../../api/client';
import { checkDuplicates, createPerson, getPerson } from '../../api/people.api';
import type { PersonDto } from '../../api/types';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { SEX_LABELS, labelOf } from '../../i18n/labels';
import { useI18n } from '../../i18n/i18n-provider';
import { PersonFormFields, formData, type PersonFormValues } from './person-form-fields';
import { residentIdFacts, toCreateInput, type PersonFormData } from './person-form';
import { residenceText } from './person-labels';

interface Existing {
  personId?: string | undefined;
  countyCode?: string | undefined;
  inScope: boolean;
  message?: string;
}

/**
 * Register a person: validated form (resident ID checked and sex/birth date filled from it), a duplicate check
 * before saving (likely duplicates shown for confirmation), and a link to the existing record when the ID number
 * is already registered.
 */
export function PersonRegisterPage() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm, showError } = useApiFeedback();
  const [params] = useSearchParams();
  const motherId = params.get('motherId') ?? undefined;
  const [form] = Form.useForm<PersonFormValues>();
  const idRef = useRef(newUuid());
  const [existing, setExisting] = useState<Existing | null>(null);
  const [likely, setLikely] = useState<{ data: PersonFormData; people: PersonDto[] } | null>(null);
  const [checking, setChecking] = useState(false);

  const mother = useQuery({
    queryKey: ['person', motherId],
    queryFn: () => getPerson(motherId ?? ''),
    enabled: !!motherId,
  });

  // a child lives with the mother unless the user says otherwise
  useEffect(() => {
    const m = mother.data;
    if (!m || form.isFieldsTouched(['residenceRegionCode', 'address'])) return;
    if (!me.counties.includes(m.countyCode)) return;
    form.setFieldsValue({ residenceRegionCode: m.residenceRegionCode, address: m.address ?? '' });
  }, [mother.data, form, me.counties]);

  const create = useMutation({
    mutationFn: (data: PersonFormData) =>
      createPerson(toCreateInput(data, { id: idRef.current, ...(motherId ? { motherId } : {}) })),
    onSuccess: (p) => {
      idRef.current = newUuid();
      setLikely(null);
      void qc.invalidateQueries({ queryKey: ['people'] });
      void message.success(t('people.registered', { name: p.name }));
      navigate(`/people/${p.id}`);
    },
    onError: (e) => {
      setLikely(null);
      if (e instanceof ApiError && e.code === 'PERSON_EXISTS') {
        setExisting({
          personId: typeof e.details.personId === 'string' ? e.details.personId : undefined,
          countyCode: typeof e.details.countyCode === 'string' ? e.details.countyCode : undefined,
          inScope: e.details.inScope === true,
          message: e.messageIn(lang),
        });
        return;
      }
      applyToForm(form, e);
    },
  });

  async function onFinish(values: PersonFormValues) {
    const data = formData(values);
    setExisting(null);
    setChecking(true);
    try {
      const idNumber =
        data.idType === 'resident_id' ? residentIdFacts(data.idNumber)?.normalized : data.idNumber?.trim();
      const dup = await checkDuplicates({
        name: data.name.trim(),
        birthDate: data.birthDate,
        phone: data.phone?.trim() || undefined,
        idNumber: data.idType === 'none' ? undefined : idNumber || undefined,
      });
      if (dup.exact) {
        setExisting({
          personId: dup.exact.personId || undefined,
          countyCode: dup.exact.countyCode,
          inScope: dup.exact.inScope,
        });
        return;
      }
      if (dup.likely.length > 0) {
        setLikely({ data, people: dup.likely });
        return;
      }
      create.mutate(data);
    } catch (e) {
      showError(e);
    } finally {
      setChecking(false);
    }
  }

  const initial: Partial<PersonFormValues> = {
    idType: 'resident_id',
    ethnicity: '01',
    ...(me.counties.length === 1 ? { residenceRegionCode: me.counties[0] } : {}),
    ...(motherId ? { idType: 'none' as const } : {}),
  };

  return (
    <div>
      <PageHeader
        title={t('people.registerTitle')}
        subTitle={t('people.registerHelp')}
        breadcrumb={[{ title: t('people.searchTitle'), to: '/people' }, { title: t('people.registerTitle') }]}
      />
      {motherId && mother.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('people.registerChildOf', { name: mother.data.name })}
        />
      )}
      {existing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="person-exists"
          message={existing.message ?? (existing.inScope ? t('people.existsInScope') : t('people.existsElsewhere'))}
          description={
            existing.personId ? (
              <Link to={`/people/${existing.personId}`} data-testid="open-existing-person">
                {t('people.openExisting')}
              </Link>
            ) : (
              t('people.existsElsewhereHelp')
            )
          }
        />
      )}
      <Card>
        <Form<PersonFormValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => void onFinish(v)}
          scrollToFirstError
          data-testid="person-register-form"
        >
          <PersonFormFields form={form} counties={me.counties} />
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={checking || create.isPending}
              data-testid="person-register-submit"
            >
              {t('people.registerSubmit')}
            </Button>
            <Button onClick={() => navigate('/people')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
      <Modal
        open={!!likely}
        title={t('people.likelyTitle')}
        width={760}
        okText={t('people.registerAnyway')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: create.isPending }}
        onOk={() => likely && create.mutate(likely.data)}
        onCancel={() => setLikely(null)}
        data-testid="likely-duplicates"
      >
        <Typography.Paragraph>{t('people.likelyHelp')}</Typography.Paragraph>
        <Table<PersonDto>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={likely?.people ?? []}
          columns={[
            {
              title: t('person.name'),
              dataIndex: 'name',
              render: (n: string, p) => (
                <Link to={`/people/${p.id}`} target="_blank">
                  {n}
                </Link>
              ),
            },
            { title: t('person.sex'), dataIndex: 'sex', render: (s: string) => labelOf(SEX_LABELS, s, lang) },
            { title: t('person.birthDate'), dataIndex: 'birthDate' },
            { title: t('person.idNumber'), dataIndex: 'idNumberMasked' },
            { title: t('person.phone'), dataIndex: 'phoneMasked' },
            { title: t('person.residence'), key: 'r', render: (_: unknown, p) => residenceText(p) },
          ]}
        />
      </Modal>
    </div>
  );
}
