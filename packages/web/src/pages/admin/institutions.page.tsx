import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  createInstitution,
  listInstitutions,
  updateInstitution,
  type InstitutionFilter,
  type InstitutionInput,
} from '../../api/platform.api';
import {
  CAPABILITIES,
  INSTITUTION_LEVELS,
  INSTITUTION_TYPES,
  type Capability,
  type InstitutionDto,
  type InstitutionLevel,
  type InstitutionType,
} from '../../api/types';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { RegionPicker } from '../../components/region-picker';
import {
  CAPABILITY_LABELS,
  INSTITUTION_LEVEL_LABELS,
  INSTITUTION_TYPE_LABELS,
  labelOf,
  optionsOf,
} from '../../i18n/labels';
import { useI18n } from '../../i18n/i18n-provider';

interface InstitutionValues {
  code: string;
  name: string;
  type: InstitutionType;
  level?: InstitutionLevel | null;
  regionCode: string;
  capabilities: Capability[];
  address?: string;
  phone?: string;
}

function InstitutionModal(props: { editing: InstitutionDto | 'new'; onClose(): void }) {
  const { editing } = props;
  const isNew = editing === 'new';
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<InstitutionValues>();
  const save = useMutation({
    mutationFn: (v: InstitutionValues) => {
      const body: InstitutionInput = {
        code: v.code.trim(),
        name: v.name.trim(),
        type: v.type,
        level: v.level ?? null,
        regionCode: v.regionCode,
        capabilities: v.capabilities ?? [],
        address: v.address?.trim() ?? '',
        phone: v.phone?.trim() ?? '',
      };
      return isNew ? createInstitution(body) : updateInstitution(editing.id, { ...body, version: editing.version });
    },
    onSuccess: () => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['institutions'] });
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  const initial: Partial<InstitutionValues> = isNew
    ? { capabilities: [], level: null }
    : {
        code: editing.code,
        name: editing.name,
        type: editing.type,
        level: editing.level,
        regionCode: editing.regionCode,
        capabilities: editing.capabilities,
        address: editing.address ?? '',
        phone: editing.phone ?? '',
      };
  return (
    <Modal
      open
      width={760}
      title={isNew ? t('inst.createTitle') : t('inst.editTitle', { name: editing.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={props.onClose}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      modalRender={(node) => (
        <Form<InstitutionValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
          {node}
        </Form>
      )}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="code"
            label={t('inst.code')}
            rules={[
              { required: true, whitespace: true, message: t('inst.codeRequired') },
              { pattern: /^[A-Za-z0-9_-]{2,32}$/, message: t('inst.codeFormat') },
            ]}
          >
            <Input data-testid="inst-code" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="name"
            label={t('inst.name')}
            rules={[
              { required: true, whitespace: true, message: t('inst.nameRequired') },
              { min: 2, max: 100, message: t('inst.nameRequired') },
            ]}
          >
            <Input data-testid="inst-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="type" label={t('inst.type')} rules={[{ required: true, message: t('inst.typeRequired') }]}>
            <Select options={optionsOf(INSTITUTION_TYPE_LABELS, lang, INSTITUTION_TYPES)} data-testid="inst-type" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="level" label={t('inst.level')}>
            <Select allowClear options={optionsOf(INSTITUTION_LEVEL_LABELS, lang, INSTITUTION_LEVELS)} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="regionCode"
            label={t('inst.region')}
            rules={[{ required: true, message: t('inst.regionRequired') }]}
          >
            <RegionPicker data-testid="inst-region" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="capabilities" label={t('inst.capabilities')}>
            <Checkbox.Group options={optionsOf(CAPABILITY_LABELS, lang, CAPABILITIES)} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="address" label={t('inst.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={t('inst.phone')} rules={[{ max: 30 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </Modal>
  );
}

/** Institutions: list with filters, create, edit, deactivate and reactivate (system administrator). */
export function InstitutionsPage() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const { message, modal } = AntApp.useApp();
  const { showError } = useApiFeedback();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<InstitutionFilter>({ page: 1, pageSize: 20, active: 'true' });
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<InstitutionDto | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['institutions', filter],
    queryFn: () => listInstitutions(filter),
    placeholderData: keepPreviousData,
  });
  const setActive = useMutation({
    mutationFn: (v: { inst: InstitutionDto; active: boolean }) =>
      updateInstitution(v.inst.id, { version: v.inst.version, active: v.active }),
    onSuccess: (inst) => {
      void message.success(inst.active ? t('inst.reactivated') : t('inst.deactivated'));
      void qc.invalidateQueries({ queryKey: ['institutions'] });
    },
    onError: showError,
  });

  const update = (f: Partial<InstitutionFilter>) => setFilter((cur) => ({ ...cur, ...f, page: f.page ?? 1 }));

  function confirmActive(inst: InstitutionDto, active: boolean) {
    modal.confirm({
      title: active
        ? t('inst.reactivateConfirm', { name: inst.name })
        : t('inst.deactivateConfirm', { name: inst.name }),
      content: active ? undefined : t('inst.deactivateHelp'),
      okText: active ? t('inst.reactivate') : t('inst.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('common.cancel'),
      onOk: () => setActive.mutateAsync({ inst, active }).catch(() => undefined),
    });
  }

  const columns: TableColumnsType<InstitutionDto> = [
    { title: t('inst.code'), dataIndex: 'code', width: 110 },
    {
      title: t('inst.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (n: string, i) => (
        <Space size={4}>
          <span>{n}</span>
          {i.level && <Tag>{labelOf(INSTITUTION_LEVEL_LABELS, i.level, lang)}</Tag>}
        </Space>
      ),
    },
    {
      title: t('inst.type'),
      dataIndex: 'type',
      width: 150,
      render: (v: string) => labelOf(INSTITUTION_TYPE_LABELS, v, lang),
    },
    {
      title: t('inst.region'),
      key: 'region',
      width: 170,
      ellipsis: true,
      render: (_: unknown, i) =>
        i.regionName && i.regionName !== i.countyName ? `${i.countyName ?? ''} · ${i.regionName}` : i.countyName,
    },
    {
      title: t('inst.capabilities'),
      dataIndex: 'capabilities',
      render: (caps: string[]) => {
        const shown = caps.slice(0, 3);
        return (
          <Tooltip title={caps.map((c) => labelOf(CAPABILITY_LABELS, c, lang)).join('、')}>
            <Space size={[4, 4]} wrap>
              {shown.map((c) => (
                <Tag key={c} color="blue" style={{ marginInlineEnd: 0 }}>
                  {labelOf(CAPABILITY_LABELS, c, lang)}
                </Tag>
              ))}
              {caps.length > shown.length && <Tag>+{caps.length - shown.length}</Tag>}
            </Space>
          </Tooltip>
        );
      },
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_: unknown, i) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(i)} data-testid="inst-edit">
            {t('common.edit')}
          </Button>
          {i.active ? (
            <Button
              type="link"
              size="small"
              danger
              onClick={() => confirmActive(i, false)}
              data-testid="inst-deactivate"
            >
              {t('inst.deactivate')}
            </Button>
          ) : (
            <Button type="link" size="small" onClick={() => confirmActive(i, true)}>
              {t('inst.reactivate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('inst.title')}
        subTitle={t('inst.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="inst-create">
            {t('inst.create')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('inst.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            style={{ width: 240 }}
            data-testid="inst-search"
          />
          <div style={{ width: 240 }}>
            <RegionPicker
              maxLevel="county"
              placeholder={t('inst.filterCounty')}
              value={filter.countyCode}
              onChange={(c) => update({ countyCode: c && c.length === 6 && !c.endsWith('00') ? c : undefined })}
            />
          </div>
          <Select<InstitutionType>
            allowClear
            placeholder={t('inst.filterType')}
            style={{ width: 170 }}
            options={optionsOf(INSTITUTION_TYPE_LABELS, lang, INSTITUTION_TYPES)}
            value={filter.type}
            onChange={(v) => update({ type: v })}
          />
          <Select<Capability>
            allowClear
            placeholder={t('inst.filterCapability')}
            style={{ width: 170 }}
            options={optionsOf(CAPABILITY_LABELS, lang, CAPABILITIES)}
            value={filter.capability}
            onChange={(v) => update({ capability: v })}
          />
          <Select<'true' | 'false' | 'all'>
            style={{ width: 120 }}
            value={filter.active ?? 'all'}
            onChange={(v) => update({ active: v === 'all' ? undefined : v })}
            options={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </Space>
        {list.isError && <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 16 }} />}
        <Table<InstitutionDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          data-testid="inst-table"
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
      {editing && <InstitutionModal editing={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
