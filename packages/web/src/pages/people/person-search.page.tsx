import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { searchPeople } from '../../api/people.api';
import type { PersonDto } from '../../api/types';
import { useHasPermission } from '../../app/auth';
import { useErrorText } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { SEX_LABELS, labelOf } from '../../i18n/labels';
import { useI18n } from '../../i18n/i18n-provider';
import { ageYears, residenceText } from './person-labels';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

/** Find a person by ID number, name (prefix) or phone; the list shows identifiers masked. */
export function PersonSearchPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const canWrite = useHasPermission('person.write');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('size') ?? '20') || 20;
  const [text, setText] = useState(q);

  const query = useQuery({
    queryKey: ['people', 'search', q, page, pageSize],
    queryFn: () => searchPeople(q, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const setSearch = (next: { q?: string; page?: number; size?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    if (nq) p.set('q', nq);
    const np = next.page ?? page;
    if (np > 1) p.set('page', String(np));
    const ns = next.size ?? pageSize;
    if (ns !== 20) p.set('size', String(ns));
    setParams(p);
  };

  const columns: TableColumnsType<PersonDto> = [
    {
      title: t('person.name'),
      dataIndex: 'name',
      width: 140,
      render: (name: string, p) => (
        <Space size={4}>
          <Link to={`/people/${p.id}`} data-testid="person-link">
            {name}
          </Link>
          {p.deceasedOn && <Tag>{t('person.deceased')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('person.sex'),
      dataIndex: 'sex',
      width: 70,
      render: (s: string) => labelOf(SEX_LABELS, s, lang),
    },
    {
      title: t('person.birthDate'),
      dataIndex: 'birthDate',
      width: 150,
      render: (d: string | null) => {
        const age = ageYears(d);
        return d ? (
          <span>
            {d}
            {age !== null && <Typography.Text type="secondary"> ({t('person.age', { n: age })})</Typography.Text>}
          </span>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('person.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 200,
      render: (v: string | null) => (
        <span style={mono} data-testid="masked-id">
          {v ?? '—'}
        </span>
      ),
    },
    {
      title: t('person.phone'),
      dataIndex: 'phoneMasked',
      width: 130,
      render: (v: string | null) => (
        <span style={mono} data-testid="masked-phone">
          {v ?? '—'}
        </span>
      ),
    },
    {
      title: t('person.residence'),
      key: 'residence',
      ellipsis: true,
      render: (_: unknown, p) => (
        <Space size={4}>
          <span>{residenceText(p)}</span>
          {p.isNonResident && <Tag color="blue">{t('person.nonResident')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, p) => <Link to={`/people/${p.id}`}>{t('common.view')}</Link>,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('people.searchTitle')}
        subTitle={t('people.searchHelp')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => navigate('/people/new')}
              data-testid="register-person"
            >
              {t('people.register')}
            </Button>
          )
        }
      />
      <Card>
        <Input.Search
          placeholder={t('people.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          size="large"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setSearch({ q: v.trim(), page: 1 })}
          style={{ maxWidth: 640, marginBottom: 16 }}
          data-testid="person-search-input"
          loading={query.isFetching}
        />
        {query.isError && <Alert type="error" showIcon message={errorText(query.error)} style={{ marginBottom: 16 }} />}
        <Table<PersonDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isPending}
          scroll={{ x: 960 }}
          data-testid="person-results"
          locale={{ emptyText: q ? t('people.noMatch') : t('common.noData') }}
          pagination={{
            current: page,
            pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, s) => setSearch({ page: s !== pageSize ? 1 : p, size: s }),
          }}
        />
      </Card>
    </div>
  );
}
