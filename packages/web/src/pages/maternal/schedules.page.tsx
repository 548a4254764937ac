import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Form, Input, List, Modal, Row, Select, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { RegionPicker } from '../../components/region-picker';
import { useI18n } from '../../i18n/i18n-provider';
import { SCHEDULES, lbl } from './maternal-labels';
import { maternalApi, type ScheduleChoice } from './maternal.api';

/**
 * 产前检查时间表: the schedules the system knows (national basic public health, 5 contacts; the clinical schedule of
 * 中华医学会 2018), and which one each region uses. A region without its own choice inherits its parent's; a
 * pregnancy keeps the schedule of her county at registration.
 */
export function MaternalSchedulesPage() {
  const { pick, lang } = useI18n();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const { applyToForm, showError } = useApiFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['maternal', 'schedules'], queryFn: maternalApi.schedules });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['maternal', 'schedules'] });
  const set = useMutation({
    mutationFn: (v: { regionCode: string; scheduleId: string; note?: string }) =>
      maternalApi.setScheduleChoice({ ...v, note: v.note || undefined }),
    onSuccess: () => {
      void message.success(pick('已保存；此后的建册按新时间表', 'Saved; new registrations follow it'));
      setOpen(false);
      refresh();
    },
    onError: (e) => applyToForm(form, e),
  });
  const remove = useMutation({
    mutationFn: (code: string) => maternalApi.removeScheduleChoice(code),
    onSuccess: refresh,
    onError: showError,
  });
  const confirmRemove = (c: ScheduleChoice) =>
    modal.confirm({
      title: pick(
        `删除${c.regionName ?? c.regionCode}的设置？`,
        `Remove the choice of ${c.regionName ?? c.regionCode}?`,
      ),
      content: pick(
        '删除后该地区沿用上级地区的设置（默认基本公卫5次产检）。',
        'The region inherits its parent’s choice again.',
      ),
      okText: pick('删除', 'Remove'),
      okButtonProps: { danger: true } as ButtonProps,
      cancelText: pick('取消', 'Cancel'),
      onOk: () => remove.mutateAsync(c.regionCode),
    });
  const editable = me.permissions.includes('setting.manage') || me.permissions.includes('care.supervise');
  return (
    <>
      <PageHeader
        title={pick('产前检查时间表', 'Antenatal schedules')}
        subTitle={pick('按地区选择：基本公卫5次产检，或临床指南产检时间', 'Chosen by region')}
        extra={
          editable && (
            <Button type="primary" onClick={() => (form.resetFields(), setOpen(true))} data-testid="schedule-set">
              {pick('设置地区时间表', 'Set a region’s schedule')}
            </Button>
          )
        }
      />
      <Card size="small" title={pick('各地区的设置', 'Choices by region')} style={{ marginBottom: 16 }}>
        <Table<ScheduleChoice>
          size="small"
          rowKey="regionCode"
          pagination={false}
          loading={q.isLoading}
          dataSource={q.data?.choices ?? []}
          locale={{ emptyText: pick('均按默认（基本公卫5次产检）', 'All regions use the default') }}
          data-testid="schedule-choices"
          columns={[
            { title: pick('地区', 'Region'), render: (_: unknown, c) => `${c.regionName ?? ''}（${c.regionCode}）` },
            { title: pick('时间表', 'Schedule'), render: (_: unknown, c) => lbl(SCHEDULES, c.scheduleId, lang) },
            { title: pick('说明', 'Note'), dataIndex: 'note' },
            {
              title: pick('修改时间', 'Updated'),
              render: (_: unknown, c) => new Date(c.updatedAt).toLocaleString(lang),
            },
            {
              title: '',
              render: (_: unknown, c) =>
                editable && (
                  <Button size="small" danger onClick={() => confirmRemove(c)}>
                    {pick('删除', 'Remove')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        {(q.data?.schedules ?? []).map((s) => (
          <Col key={s.id} xs={24} lg={12}>
            <Card
              size="small"
              title={
                <>
                  {pick(s.name.zh, s.name.en)}
                  {s.id === q.data?.defaultScheduleId && (
                    <Tag color="blue" style={{ marginLeft: 8 }}>
                      {pick('默认', 'default')}
                    </Tag>
                  )}
                  {!s.confirmed && <Tag style={{ marginLeft: 4 }}>{pick('待核实', 'to confirm')}</Tag>}
                </>
              }
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {s.source}
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={s.contacts}
                renderItem={(c) => (
                  <List.Item>
                    {pick(c.label.zh, c.label.en)}
                    {!c.confirmed && <Tag style={{ marginLeft: 8 }}>{pick('待核实', 'to confirm')}</Tag>}
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Modal
        open={open}
        destroyOnHidden
        title={pick('设置地区时间表', 'Set a region’s schedule')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={set.isPending}
        okButtonProps={{ 'data-testid': 'schedule-ok' } as ButtonProps}
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => set.mutate(v)}>
          <Form.Item name="regionCode" label={pick('地区（省、市或县）', 'Region')} rules={[{ required: true }]}>
            <RegionPicker maxLevel="county" data-testid="schedule-region" />
          </Form.Item>
          <Form.Item name="scheduleId" label={pick('时间表', 'Schedule')} rules={[{ required: true }]}>
            <Select options={Object.keys(SCHEDULES).map((k) => ({ value: k, label: lbl(SCHEDULES, k, lang) }))} />
          </Form.Item>
          <Form.Item name="note" label={pick('说明', 'Note')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
