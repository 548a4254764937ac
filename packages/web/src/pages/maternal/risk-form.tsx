import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Collapse,
  DatePicker,
  Divider,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newUuid } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { COLOURS, ColourChips, lbl } from './maternal-labels';
import { maternalApi, type Colour } from './maternal.api';

interface Values {
  assessedOn: Dayjs;
  decision: 'confirm' | 'override';
  colour?: Colour;
  purple?: boolean;
  overrideReason?: string;
  note?: string;
}

const GROUP_ORDER = ['red', 'orange', 'yellow', 'purple'];

/**
 * The five-colour assessment (modal): the server's computed items for her, the items the clinician ticks, the
 * suggested colour; confirm it, or override with a reason. Orange, red and purple open the high-risk case.
 */
export function RiskForm(props: { pregnancyId: string; open: boolean; onClose(): void; onSaved(): void }) {
  const { pick, lang } = useI18n();
  const { message, modal } = AntApp.useApp();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<Values>();
  const [ticked, setTicked] = useState<string[]>([]);
  const idRef = useRef(newUuid());
  const assessedOn = Form.useWatch('assessedOn', form) as Dayjs | undefined;
  const decision = Form.useWatch('decision', form) as Values['decision'] | undefined;
  const catalogue = useQuery({
    queryKey: ['maternal', 'risk-catalogue'],
    queryFn: maternalApi.catalogue,
    staleTime: 3_600_000,
  });
  const preview = useQuery({
    queryKey: ['maternal', 'preview', props.pregnancyId, ticked, assessedOn?.format('YYYY-MM-DD')],
    queryFn: () =>
      maternalApi.preview(props.pregnancyId, { items: ticked, assessedOn: assessedOn?.format('YYYY-MM-DD') }),
    enabled: props.open,
  });
  useEffect(() => {
    if (!props.open) return;
    setTicked([]);
    idRef.current = newUuid();
    form.resetFields();
  }, [props.open, form]);
  const groups = useMemo(() => {
    const items = (catalogue.data?.items ?? []).filter((i) => i.kind === 'ticked');
    return GROUP_ORDER.map((c) => ({ colour: c, items: items.filter((i) => i.colour === c) })).filter(
      (g) => g.items.length,
    );
  }, [catalogue.data]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      maternalApi.assess(props.pregnancyId, {
        id: idRef.current,
        assessedOn: v.assessedOn.format('YYYY-MM-DD'),
        items: ticked,
        ...(v.decision === 'override'
          ? { colour: v.colour, purple: v.purple ?? false, overrideReason: v.overrideReason }
          : {}),
        note: v.note || undefined,
      }),
    onSuccess: (r) => {
      if (r.case?.opened || r.case?.escalated) {
        modal.info({
          title: r.case.opened
            ? pick('已纳入高危专案管理', 'High-risk case opened')
            : pick('专案已升级', 'Case escalated'),
          content: r.case.reportDueAt
            ? pick(
                `须于 ${new Date(r.case.reportDueAt).toLocaleString('zh-CN')} 前报送县妇幼保健院`,
                `Report to the county MCH institute by ${new Date(r.case.reportDueAt).toLocaleString('en-GB')}`,
              )
            : pick('已报送县妇幼保健院', 'Reported to the county MCH institute'),
        });
      } else void message.success(pick('评估已保存', 'Assessment saved'));
      props.onSaved();
    },
    onError: (e) => applyToForm(form, e),
  });
  const p = preview.data;
  return (
    <Modal
      open={props.open}
      width={980}
      title={pick('妊娠风险评估（五色）', 'Five-colour risk assessment')}
      onCancel={props.onClose}
      footer={[
        <Button key="c" onClick={props.onClose}>
          {pick('取消', 'Cancel')}
        </Button>,
        <Button key="s" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="risk-save">
          {pick('保存评估', 'Save assessment')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ assessedOn: dayjs(), decision: 'confirm', purple: false }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="assessedOn" label={pick('评估日期', 'Assessed on')} rules={[{ required: true }]}>
          <DatePicker data-testid="risk-assessedOn" />
        </Form.Item>
        <Alert
          type={p?.highRiskCase ? 'warning' : 'info'}
          showIcon
          message={
            <Space wrap>
              <span>{pick('系统建议', 'Suggested')}:</span>
              {p && (
                <ColourChips
                  colour={p.suggestedColour}
                  purple={p.suggestedPurple}
                  lang={lang}
                  testId="risk-suggested"
                />
              )}
              {p?.highRiskCase && <Tag color="red">{pick('将纳入高危专案', 'Opens a high-risk case')}</Tag>}
            </Space>
          }
          style={{ marginBottom: 12 }}
        />
        <Typography.Text strong>{pick('符合的条目', 'Matched items')}</Typography.Text>
        <List
          size="small"
          data-testid="risk-matched"
          dataSource={p?.matched ?? []}
          locale={{ emptyText: pick('无（绿色）', 'None (green)') }}
          renderItem={(m) => (
            <List.Item>
              <Space>
                <ColourChips
                  colour={m.colour === 'purple' ? null : m.colour}
                  purple={m.colour === 'purple'}
                  lang={lang}
                />
                <span>{pick(m.zh, m.en ?? m.zh)}</span>
                <Tag>{m.via === 'ticked' ? pick('勾选', 'ticked') : pick('系统计算', 'computed')}</Tag>
              </Space>
            </List.Item>
          )}
        />
        {p && p.notEvaluated.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {pick(
              `缺少数据未能判断的计算条目：${p.notEvaluated.length} 项（如有请勾选）`,
              `${p.notEvaluated.length} computed items lacked data (tick them if present)`,
            )}
          </Typography.Paragraph>
        )}
        <Divider plain>{pick('临床勾选（评估表）', 'Clinician ticks (assessment table)')}</Divider>
        <Collapse
          size="small"
          items={groups.map((g) => ({
            key: g.colour,
            label: `${lbl(COLOURS, g.colour, lang)}（${g.items.length}）`,
            children: (
              <Checkbox.Group
                value={ticked}
                onChange={(v) => setTicked(v as string[])}
                style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: 4 }}
                options={g.items.map((i) => ({
                  value: i.code,
                  label: (
                    <span data-testid={`risk-item-${i.code}`}>
                      {pick(i.zh, i.en)}
                      {!i.confirmed && <Tag style={{ marginLeft: 4 }}>{pick('待核实', 'to confirm')}</Tag>}
                    </span>
                  ),
                }))}
              />
            ),
          }))}
        />
        <Divider plain>{pick('结论', 'Decision')}</Divider>
        <Form.Item name="decision">
          <Radio.Group
            options={[
              { value: 'confirm', label: pick('确认系统建议颜色', 'Confirm the suggested colour') },
              { value: 'override', label: pick('调整颜色（须填写理由）', 'Override (give a reason)') },
            ]}
            data-testid="risk-decision"
          />
        </Form.Item>
        {decision === 'override' && (
          <Space wrap align="start">
            <Form.Item name="colour" label={pick('颜色', 'Colour')} rules={[{ required: true }]}>
              <Select
                style={{ width: 140 }}
                options={['green', 'yellow', 'orange', 'red'].map((c) => ({ value: c, label: lbl(COLOURS, c, lang) }))}
              />
            </Form.Item>
            <Form.Item name="purple" label={pick('紫色（传染病）', 'Purple (infection)')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item
              name="overrideReason"
              label={pick('理由', 'Reason')}
              rules={[{ required: true }]}
              style={{ minWidth: 420 }}
            >
              <Input />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="note" label={pick('备注', 'Note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
