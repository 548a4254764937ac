import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, InputNumber, Modal, Space } from 'antd';
import { regionAltitude, setRegionAltitude } from '../../api/platform.api';
import type { RegionDto } from '../../api/types';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';

/** Lowest and highest altitude the page accepts (m); the server accepts a wider range. */
const MIN_M = 0;
const MAX_M = 6000;

/**
 * Sets a region's altitude (regional configuration of the children's Hb altitude adjustment, institution.manage):
 * shows the value set here or the one taken from above, asks for confirmation before saving or clearing.
 */
export function RegionAltitudeModal(props: { region: RegionDto | null; onClose(): void }) {
  const { t } = useI18n();
  const { modal, message } = AntApp.useApp();
  const { applyToForm } = useApiFeedback();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ altitudeM: number | null }>();
  const code = props.region?.code;
  const name = props.region?.name ?? '';
  const current = useQuery({
    queryKey: ['regions', 'altitude', code],
    queryFn: () => regionAltitude(code!),
    enabled: !!code,
  });
  const save = useMutation({
    mutationFn: (altitudeM: number | null) => setRegionAltitude(code!, altitudeM),
    onSuccess: () => {
      void message.success(t('regions.altitudeSaved'));
      void qc.invalidateQueries({ queryKey: ['regions', 'altitude'] });
      props.onClose();
    },
    onError: (e) => applyToForm(form, e),
  });
  const c = current.data;
  const ask = (content: string, run: () => void) =>
    modal.confirm({ title: t('regions.altitudeSet'), content, onOk: run, okText: t('common.save') });
  return (
    <Modal
      open={!!props.region}
      title={t('regions.altitudeTitle', { name })}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
    >
      {current.isError && <Alert type="error" showIcon message={errorText(current.error)} />}
      {c && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          data-testid="region-altitude-current"
          message={
            c.altitudeM !== null
              ? t('regions.altitudeOwn', { m: c.altitudeM })
              : c.effective
                ? t('regions.altitudeInherited', { code: c.effective.code, m: c.effective.altitudeM })
                : t('regions.altitudeNone')
          }
        />
      )}
      {c && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ altitudeM: c.altitudeM }}
          onFinish={(v) =>
            ask(t('regions.altitudeConfirm', { name, m: v.altitudeM ?? 0 }), () => save.mutate(v.altitudeM ?? 0))
          }
        >
          <Form.Item
            name="altitudeM"
            label={t('regions.altitudeField')}
            extra={t('regions.altitudeHelp')}
            rules={[
              { required: true, message: t('regions.altitudeRequired') },
              { type: 'integer', min: MIN_M, max: MAX_M, message: t('regions.altitudeRange') },
            ]}
          >
            <InputNumber
              min={MIN_M}
              max={MAX_M}
              precision={0}
              style={{ width: 200 }}
              data-testid="region-altitude-input"
            />
          </Form.Item>
          {c.altitudeM !== null && (
            <Space>
              <Button danger onClick={() => ask(t('regions.altitudeClearConfirm', { name }), () => save.mutate(null))}>
                {t('regions.altitudeClear')}
              </Button>
            </Space>
          )}
        </Form>
      )}
    </Modal>
  );
}
