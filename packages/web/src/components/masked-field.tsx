import { useState } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { revealField } from '../api/people.api';
import { useI18n } from '../i18n/i18n-provider';
import { useApiFeedback } from './api-feedback';

/**
 * A masked identifier (ID number or phone) with a "reveal" button. Revealing calls the audited reveal endpoint and
 * shows the full value until hidden again; the button is only offered when the user may reveal.
 */
export function MaskedField(props: {
  personId: string;
  field: 'idNumber' | 'phone';
  masked: string | null;
  canReveal: boolean;
}) {
  const { t } = useI18n();
  const { showError } = useApiFeedback();
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => revealField(props.personId, props.field),
    onSuccess: (r) => setRevealed(r.value ?? ''),
    onError: showError,
  });
  if (!props.masked) return <Typography.Text type="secondary">—</Typography.Text>;
  const shown = revealed ?? props.masked;
  return (
    <Space size={4} wrap>
      <Typography.Text
        data-testid={`${props.field}-value`}
        copyable={revealed ? { text: revealed } : false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
      >
        {shown}
      </Typography.Text>
      {props.canReveal &&
        (revealed === null ? (
          <Tooltip title={t('person.revealHint')}>
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              loading={reveal.isPending}
              onClick={() => reveal.mutate()}
              data-testid={`reveal-${props.field}`}
            >
              {t('person.reveal')}
            </Button>
          </Tooltip>
        ) : (
          <Button
            size="small"
            type="link"
            icon={<EyeInvisibleOutlined />}
            onClick={() => setRevealed(null)}
            data-testid={`hide-${props.field}`}
          >
            {t('person.hide')}
          </Button>
        ))}
    </Space>
  );
}
