import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n-provider';
import { gynFpApi, type Row } from './women.api';
import {
  FP_COMPLICATION,
  FP_SERVICE,
  FP_SUPPLY,
  GYN_DISPOSITION,
  GYN_FINDING,
  PAC_CLASS,
  PELVIC_STATUS,
  lab,
} from './women-labels';

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** A person's survey examinations, pelvic-floor screenings, family-planning services, contraceptives and PAC. */
export function GynFpHistory(props: { personId: string; female: boolean }) {
  const { lang, pick } = useI18n();
  const gyn = useQuery({
    queryKey: ['gyn', 'person', props.personId],
    queryFn: () => gynFpApi.gynHistory(props.personId),
    enabled: props.female,
  });
  const fp = useQuery({
    queryKey: ['fp', 'person', props.personId],
    queryFn: () => gynFpApi.fpHistory(props.personId),
  });
  const small = { size: 'small' as const, pagination: false as const, rowKey: 'id' };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {props.female && (
        <>
          <b>{pick('妇女病普查', 'Gynaecological survey')}</b>
          <Table<Row>
            {...small}
            dataSource={gyn.data?.exams ?? []}
            columns={[
              { title: pick('日期', 'Date'), dataIndex: 'examDate' },
              { title: pick('活动', 'Campaign'), dataIndex: 'campaignName' },
              {
                title: pick('所见', 'Findings'),
                render: (_: unknown, r) =>
                  (r.findings as string[]).map((f) => lab(GYN_FINDING, f, lang)).join('、') || '—',
              },
              {
                title: pick('处理', 'Disposition'),
                render: (_: unknown, r) => lab(GYN_DISPOSITION, s(r.disposition), lang),
              },
            ]}
          />
          <b>{pick('产后盆底', 'Pelvic floor')}</b>
          <Table<Row>
            {...small}
            dataSource={gyn.data?.pelvic ?? []}
            columns={[
              { title: pick('日期', 'Date'), dataIndex: 'screeningDate' },
              {
                title: pick('肌力/POP-Q', 'Strength/POP-Q'),
                render: (_: unknown, r) => `${s(r.muscleStrength)} / ${s(r.popStage)}`,
              },
              { title: pick('状态', 'Status'), render: (_: unknown, r) => lab(PELVIC_STATUS, s(r.status), lang) },
              { title: pick('治疗次数', 'Sessions'), render: (_: unknown, r) => (r.sessions as unknown[]).length },
            ]}
          />
        </>
      )}
      <b>{pick('计划生育服务', 'Family-planning services')}</b>
      <Table<Row>
        {...small}
        dataSource={fp.data?.services ?? []}
        columns={[
          { title: pick('日期', 'Date'), dataIndex: 'serviceDate' },
          { title: pick('服务', 'Service'), render: (_: unknown, r) => lab(FP_SERVICE, s(r.service), lang) },
          {
            title: pick('并发症', 'Complications'),
            render: (_: unknown, r) =>
              (r.complications as string[]).map((c) => <Tag key={c}>{lab(FP_COMPLICATION, c, lang)}</Tag>),
          },
        ]}
      />
      <b>{pick('免费药具领取', 'Contraceptives received')}</b>
      <Table<Row>
        {...small}
        dataSource={fp.data?.issues ?? []}
        columns={[
          { title: pick('日期', 'Date'), dataIndex: 'movementDate' },
          { title: pick('品种', 'Item'), render: (_: unknown, r) => lab(FP_SUPPLY, s(r.item), lang) },
          { title: pick('数量', 'Quantity'), render: (_: unknown, r) => -Number(r.quantity) },
        ]}
      />
      {props.female && (
        <>
          <b>{pick('流产后关爱', 'Post-abortion care')}</b>
          <Table<Row>
            {...small}
            dataSource={fp.data?.postAbortionCare ?? []}
            columns={[
              { title: pick('日期', 'Date'), dataIndex: 'abortionDate' },
              {
                title: pick('避孕落实', 'Contraception'),
                render: (_: unknown, r) => lab(PAC_CLASS, s(r.contraceptionClass), lang),
              },
              {
                title: pick('下次随访', 'Next'),
                render: (_: unknown, r) => s(r.nextFollowUpDue) || pick('已完成', 'done'),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
