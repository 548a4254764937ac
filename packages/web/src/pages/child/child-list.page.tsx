import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Space, Table } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { childApi, type ChildListItem } from './child.api';
import { ageText } from './child-labels';

/** Children in the user's counties: search by name, open the child's page, register a child. */
export function ChildListPage() {
  const { lang, pick } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['children', q, page], queryFn: () => childApi.list({ q, page, pageSize: 20 }) });
  return (
    <>
      <PageHeader
        title={pick('儿童保健', 'Child health')}
        extra={
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => navigate('/children/new')}
            data-testid="child-register"
          >
            {pick('登记儿童', 'Register a child')}
          </Button>
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={pick('姓名', 'Name')}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            data-testid="child-search"
          />
        </Space>
        <Table<ChildListItem>
          rowKey="personId"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: pick('姓名', 'Name'),
              dataIndex: 'name',
              render: (v: string, r) => (
                <Link to={`/children/${r.personId}`} data-testid="child-link">
                  {v}
                </Link>
              ),
            },
            {
              title: pick('性别', 'Sex'),
              dataIndex: 'sex',
              render: (v: string) => (v === 'male' ? pick('男', 'M') : v === 'female' ? pick('女', 'F') : '—'),
            },
            { title: pick('出生日期', 'Born'), dataIndex: 'birthDate' },
            { title: pick('月龄', 'Age'), dataIndex: 'ageDays', render: (v: number | null) => ageText(v, lang) },
            { title: pick('出生孕周', 'GA (weeks)'), dataIndex: 'gestationalWeeks' },
            { title: pick('出生体重(g)', 'Birth weight (g)'), dataIndex: 'birthWeightG' },
            { title: pick('现住址', 'Residence'), dataIndex: 'residenceRegionName' },
            { title: pick('管理机构', 'Managed by'), dataIndex: 'managingInstitutionName' },
          ]}
        />
      </Card>
    </>
  );
}
