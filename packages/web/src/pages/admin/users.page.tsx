import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { checkPassword, passwordMessage } from '@fuyou/core';
import {
  createUser,
  listUsers,
  resetUserPassword,
  updateUser,
  type UserCreateInput,
  type UserFilter,
} from '../../api/platform.api';
import { EXTRA_PERMISSIONS, JURISDICTION_ROLES, ROLES, type Role, type UserDto } from '../../api/types';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { PageHeader } from '../../components/page-header';
import { RegionPicker } from '../../components/region-picker';
import { EXTRA_PERMISSION_LABELS, ROLE_LABELS, labelOf, optionsOf } from '../../i18n/labels';
import { useI18n } from '../../i18n/i18n-provider';

interface UserValues {
  username: string;
  displayName: string;
  role: Role;
  institutionId?: string | null;
  jurisdictionCode?: string | null;
  permissions: string[];
  password?: string;
}

/** Shows a one-time password once, with a copy button. */
function OneTimePassword(props: { username: string; password: string; onClose(): void; title: string }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={props.title}
      onOk={props.onClose}
      onCancel={props.onClose}
      okText={t('users.passwordNoted')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
    >
      <Alert type="warning" showIcon message={t('users.oneTimeWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        {t('users.username')}: <Typography.Text strong>{props.username}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('users.initialPassword')}:{' '}
        <Typography.Text code copyable style={{ fontSize: 16 }} data-testid="one-time-password">
          {props.password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}

function UserModal(props: {
  editing: UserDto | 'new';
  onClose(created?: { username: string; password?: string }): void;
}) {
  const { editing } = props;
  const isNew = editing === 'new';
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<UserValues>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const username = Form.useWatch('username', form) as string | undefined;
  const save = useMutation({
    mutationFn: async (v: UserValues) => {
      const scope = {
        institutionId: v.role === 'clinician' ? (v.institutionId ?? null) : null,
        jurisdictionCode: JURISDICTION_ROLES.has(v.role) ? (v.jurisdictionCode ?? null) : null,
        permissions: v.role === 'clinician' || v.role === 'mch_supervisor' ? (v.permissions ?? []) : [],
      };
      if (isNew) {
        const body: UserCreateInput = {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          ...scope,
          ...(v.password ? { password: v.password } : {}),
        };
        const r = await createUser(body);
        return { username: r.user.username, password: r.initialPassword };
      }
      await updateUser(editing.id, {
        displayName: v.displayName.trim(),
        role: v.role,
        ...scope,
        version: editing.version,
      });
      return undefined;
    },
    onSuccess: (created) => {
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['users'] });
      props.onClose(created);
    },
    onError: (e) => applyToForm(form, e),
  });
  const initial: Partial<UserValues> = isNew
    ? { role: 'clinician', permissions: [] }
    : {
        username: editing.username,
        displayName: editing.displayName,
        role: editing.role,
        institutionId: editing.institutionId,
        jurisdictionCode: editing.jurisdictionCode,
        permissions: editing.permissions,
      };
  const policyLang = lang === 'en-US' ? 'en' : 'zh';
  return (
    <Modal
      open
      width={640}
      title={isNew ? t('users.createTitle') : t('users.editTitle', { name: editing.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={() => props.onClose()}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      modalRender={(node) => (
        <Form<UserValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
          {node}
        </Form>
      )}
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={[
          { required: true, message: t('users.usernameRequired') },
          { pattern: /^[a-z0-9][a-z0-9._-]{2,63}$/, message: t('users.usernameFormat') },
        ]}
      >
        <Input disabled={!isNew} data-testid="user-username" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }, { max: 50 }]}
      >
        <Input data-testid="user-display-name" />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
        <Select options={optionsOf(ROLE_LABELS, lang, ROLES)} data-testid="user-role" />
      </Form.Item>
      {role === 'clinician' && (
        <Form.Item
          name="institutionId"
          label={t('users.institution')}
          rules={[{ required: true, message: t('users.institutionRequired') }]}
        >
          <InstitutionSelect currentLabel={isNew ? null : editing.institutionName} data-testid="user-institution" />
        </Form.Item>
      )}
      {role && JURISDICTION_ROLES.has(role) && (
        <Form.Item
          name="jurisdictionCode"
          label={t('users.jurisdiction')}
          extra={t('users.jurisdictionHelp')}
          rules={[{ required: true, message: t('users.jurisdictionRequired') }]}
        >
          <RegionPicker maxLevel="county" data-testid="user-jurisdiction" />
        </Form.Item>
      )}
      {(role === 'clinician' || role === 'mch_supervisor') && (
        <Form.Item name="permissions" label={t('users.extraPermissions')}>
          <Checkbox.Group options={optionsOf(EXTRA_PERMISSION_LABELS, lang, EXTRA_PERMISSIONS)} />
        </Form.Item>
      )}
      {isNew && (
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHelp')}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                if (!v) return Promise.resolve();
                const problems = checkPassword(v, username ?? '');
                return problems.length
                  ? Promise.reject(new Error(problems.map((p) => passwordMessage(p, policyLang)).join('；')))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      )}
    </Modal>
  );
}

/** User accounts: list, create (role-dependent scope), edit role and scope, disable, reset password. */
export function UsersPage() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const { message, modal } = AntApp.useApp();
  const { showError } = useApiFeedback();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<UserFilter>({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const [oneTime, setOneTime] = useState<{ username: string; password: string; title: string } | null>(null);
  const list = useQuery({
    queryKey: ['users', filter],
    queryFn: () => listUsers(filter),
    placeholderData: keepPreviousData,
  });

  const setDisabled = useMutation({
    mutationFn: (v: { user: UserDto; disabled: boolean }) =>
      updateUser(v.user.id, { disabled: v.disabled, version: v.user.version }),
    onSuccess: (u) => {
      void message.success(u.disabled ? t('users.disabledDone') : t('users.enabledDone'));
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: showError,
  });
  const reset = useMutation({
    mutationFn: (u: UserDto) => resetUserPassword(u.id),
    onSuccess: (r, u) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      setOneTime({ username: u.username, password: r.password, title: t('users.resetDone') });
    },
    onError: showError,
  });

  function confirmDisable(u: UserDto, disabled: boolean) {
    modal.confirm({
      title: disabled
        ? t('users.disableConfirm', { name: u.username })
        : t('users.enableConfirm', { name: u.username }),
      content: disabled ? t('users.disableHelp') : undefined,
      okText: disabled ? t('users.disable') : t('users.enable'),
      okButtonProps: { danger: disabled },
      cancelText: t('common.cancel'),
      onOk: () => setDisabled.mutateAsync({ user: u, disabled }).catch(() => undefined),
    });
  }
  function confirmReset(u: UserDto) {
    modal.confirm({
      title: t('users.resetConfirm', { name: u.username }),
      content: t('users.resetHelp'),
      okText: t('users.resetPassword'),
      cancelText: t('common.cancel'),
      onOk: () => reset.mutateAsync(u).catch(() => undefined),
    });
  }

  const columns: TableColumnsType<UserDto> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 130,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', ellipsis: true },
    { title: t('users.role'), dataIndex: 'role', width: 140, render: (r: string) => labelOf(ROLE_LABELS, r, lang) },
    {
      title: t('users.scope'),
      key: 'scope',
      ellipsis: true,
      render: (_: unknown, u) =>
        u.jurisdictionName || u.institutionName ? (
          <div style={{ minWidth: 0 }}>
            {u.jurisdictionName && <div>{u.jurisdictionName}</div>}
            {u.institutionName && (
              <Typography.Text
                type={u.jurisdictionName ? 'secondary' : undefined}
                ellipsis
                style={{ fontSize: u.jurisdictionName ? 12 : undefined }}
              >
                {u.institutionName}
              </Typography.Text>
            )}
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, u) => (
        <Space size={[4, 4]} wrap>
          {u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('common.active')}</Tag>}
          {u.locked && <Tag color="orange">{t('users.locked')}</Tag>}
          {u.totpEnabled && <Tag color="blue">TOTP</Tag>}
          {u.mustChangePassword && <Tag>{t('users.mustChange')}</Tag>}
          {u.permissions.map((p) => (
            <Tag key={p}>{labelOf(EXTRA_PERMISSION_LABELS, p, lang)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(u)} data-testid="user-edit">
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => confirmReset(u)} data-testid="user-reset">
            {t('users.resetPassword')}
          </Button>
          {u.id !== me.id &&
            (u.disabled ? (
              <Button type="link" size="small" onClick={() => confirmDisable(u, false)}>
                {t('users.enable')}
              </Button>
            ) : (
              <Button
                type="link"
                size="small"
                danger
                onClick={() => confirmDisable(u, true)}
                data-testid="user-disable"
              >
                {t('users.disable')}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        subTitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined, page: 1 }))}
            style={{ width: 260 }}
            data-testid="user-search"
          />
          <Select<Role>
            allowClear
            placeholder={t('users.filterRole')}
            style={{ width: 200 }}
            options={optionsOf(ROLE_LABELS, lang, ROLES)}
            value={filter.role}
            onChange={(v) => setFilter((f) => ({ ...f, role: v, page: 1 }))}
          />
        </Space>
        {list.isError && <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 16 }} />}
        <Table<UserDto>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          data-testid="user-table"
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
      {editing && (
        <UserModal
          editing={editing}
          onClose={(created) => {
            setEditing(null);
            if (created?.password) {
              setOneTime({ username: created.username, password: created.password, title: t('users.createdTitle') });
            }
          }}
        />
      )}
      {oneTime && <OneTimePassword {...oneTime} onClose={() => setOneTime(null)} />}
    </div>
  );
}
