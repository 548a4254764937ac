import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../api/api-error';
import { request } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/zh-CN';
import type { ExposureView } from './exposure-panel';

type Infection = 'hiv' | 'syphilis' | 'hbv';
type FinalStatus = 'infected' | 'not_infected' | 'undetermined';

interface FinalFormValues {
  infection: Infection;
  status: FinalStatus;
  decidedOn: Dayjs;
  motherTitre?: string;
  darkfieldOrPcr?: string;
  treponemalIgm?: string;
}

/** The dictionary key of each infection's status (syphilis: congenital syphilis; HBV: by the HBsAg result). */
const STATUS_KEY: Record<Infection, Record<FinalStatus, MessageKey>> = {
  hiv: {
    infected: 'exposure.final.hiv.infected',
    not_infected: 'exposure.final.hiv.notInfected',
    undetermined: 'exposure.final.undetermined',
  },
  syphilis: {
    infected: 'exposure.final.syphilis.infected',
    not_infected: 'exposure.final.syphilis.notInfected',
    undetermined: 'exposure.final.undetermined',
  },
  hbv: {
    infected: 'exposure.final.hbv.infected',
    not_infected: 'exposure.final.hbv.notInfected',
    undetermined: 'exposure.final.undetermined',
  },
};
/** The dictionary key of an infection's final status (undefined for an unknown one). */
export function finalStatusKey(infection: string, status: string): MessageKey | undefined {
  return (STATUS_KEY as Record<string, Record<string, MessageKey> | undefined>)[infection]?.[status];
}
const INFECTION_KEY: Record<Infection, MessageKey> = {
  hiv: 'exposure.final.infection.hiv',
  syphilis: 'exposure.final.infection.syphilis',
  hbv: 'exposure.final.infection.hbv',
};
/** Server field → form field. */
const ALIASES = {
  'syphilisEvidence.motherTitre': 'motherTitre',
  'syphilisEvidence.darkfieldOrPcr': 'darkfieldOrPcr',
  'syphilisEvidence.treponemalIgm': 'treponemalIgm',
  syphilisEvidence: 'treponemalIgm',
};

/**
 * Records the final status of one infection of an exposed infant (PMTCT users): HIV infected / not infected /
 * pending; syphilis congenital syphilis / not infected / pending with the evidence the criteria read (the mother's
 * titre at delivery, darkfield/PCR, treponemal IgM); HBV by the HBsAg result. Asks for confirmation; the server
 * refuses a syphilis status the criteria contradict, shown on the status field; a stale version reloads the page.
 */
export function ExposureFinalForm(props: { personId: string; exposure: ExposureView; onChange(): void }) {
  const { t } = useI18n();
  const { modal, message } = AntApp.useApp();
  const { applyToForm, showError } = useApiFeedback();
  const [form] = Form.useForm<FinalFormValues>();
  const infections = props.exposure.infections.filter((i): i is Infection => i in STATUS_KEY);
  const infection = Form.useWatch('infection', form);
  const first = infections.find((i) => !props.exposure.finalStatus[i]) ?? infections[0];
  const evidence = props.exposure.finalStatus.syphilis?.evidence ?? {};
  const save = useMutation({
    mutationFn: (v: FinalFormValues) =>
      request('PUT', `/children/${props.personId}/exposure/final`, {
        body: {
          infection: v.infection,
          status: v.status,
          decidedOn: v.decidedOn.format('YYYY-MM-DD'),
          ...(v.infection === 'syphilis'
            ? {
                syphilisEvidence: {
                  ...(v.motherTitre ? { motherTitre: v.motherTitre.trim() } : {}),
                  ...(v.darkfieldOrPcr ? { darkfieldOrPcr: v.darkfieldOrPcr } : {}),
                  ...(v.treponemalIgm ? { treponemalIgm: v.treponemalIgm } : {}),
                },
              }
            : {}),
          version: props.exposure.version,
        },
      }),
    onSuccess: () => {
      void message.success(t('exposure.final.saved'));
      props.onChange();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        showError(e);
        props.onChange();
        return;
      }
      applyToForm(form, e, ALIASES);
    },
  });
  const confirm = (v: FinalFormValues) =>
    modal.confirm({
      title: t('exposure.final.confirmTitle'),
      content: t('exposure.final.confirm', {
        infection: t(INFECTION_KEY[v.infection]),
        status: t(STATUS_KEY[v.infection][v.status]),
      }),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutate(v),
    });
  const results = [
    { value: 'positive', label: t('exposure.final.positive') },
    { value: 'negative', label: t('exposure.final.negative') },
    { value: 'indeterminate', label: t('exposure.final.indeterminate') },
  ];
  const recorded = infections.filter((i) => props.exposure.finalStatus[i]);
  return (
    <Card size="small" title={t('exposure.final.title')} style={{ marginTop: 12 }} data-testid="exposure-final">
      {recorded.length > 0 && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="exposure-final-recorded">
          {recorded.map((i) => {
            const f = props.exposure.finalStatus[i]!;
            const key = finalStatusKey(i, f.status);
            return (
              <Descriptions.Item key={i} label={t(INFECTION_KEY[i])}>
                {key ? t(key) : f.status}（{t('exposure.final.decidedOn')} {f.decidedOn}）
              </Descriptions.Item>
            );
          })}
        </Descriptions>
      )}
      <Form<FinalFormValues>
        form={form}
        name="exposureFinal"
        layout="vertical"
        initialValues={{
          infection: first,
          decidedOn: dayjs(),
          motherTitre: evidence.motherTitre,
          darkfieldOrPcr: evidence.darkfieldOrPcr,
          treponemalIgm: evidence.treponemalIgm,
        }}
        onFinish={confirm}
      >
        <Form.Item
          name="infection"
          label={t('exposure.final.infection')}
          rules={[{ required: true, message: t('exposure.final.infectionRequired') }]}
        >
          <Radio.Group
            data-testid="final-infection"
            options={infections.map((i) => ({ value: i, label: t(INFECTION_KEY[i]) }))}
            onChange={() => form.setFields([{ name: 'status', value: undefined, errors: [] }])}
          />
        </Form.Item>
        {infection === 'syphilis' && (
          <>
            <Form.Item
              name="motherTitre"
              label={t('exposure.final.motherTitre')}
              rules={[{ pattern: /^\s*1:\d{1,4}\s*$/, message: t('exposure.final.motherTitreFormat') }]}
            >
              <Input placeholder="1:8" style={{ width: 160 }} data-testid="final-motherTitre" />
            </Form.Item>
            <Form.Item name="darkfieldOrPcr" label={t('exposure.final.darkfieldOrPcr')}>
              <Select allowClear style={{ width: 160 }} options={results} data-testid="final-darkfieldOrPcr" />
            </Form.Item>
            <Form.Item name="treponemalIgm" label={t('exposure.final.treponemalIgm')}>
              <Select allowClear style={{ width: 160 }} options={results} data-testid="final-treponemalIgm" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="status"
          label={t('exposure.final.status')}
          rules={[{ required: true, message: t('exposure.final.statusRequired') }]}
        >
          <Radio.Group
            data-testid="final-status"
            options={(['infected', 'not_infected', 'undetermined'] as const).map((s) => ({
              value: s,
              label: t(STATUS_KEY[infection ?? 'hiv'][s]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label={t('exposure.final.decidedOn')}
          rules={[{ required: true, message: t('exposure.final.decidedOnRequired') }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="final-decidedOn" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="final-save">
          {t('exposure.final.save')}
        </Button>
      </Form>
    </Card>
  );
}
