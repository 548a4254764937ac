import { Link } from 'react-router-dom';
import { Alert, Card, Col, Descriptions, Empty, Row, Typography } from 'antd';
import { useCurrentUser } from '../../app/auth';
import { MODULES } from '../../app/module-registry';
import { canUse, visibleEntries } from '../../app/nav';
import { ROLE_LABELS, labelOf } from '../../i18n/labels';
import { useI18n } from '../../i18n/i18n-provider';
import { RoleLanding } from '../indicators/landing';
import type { MessageKey } from '../../i18n/translate';

function greetingKey(hour: number): MessageKey {
  if (hour < 5) return 'home.evening';
  if (hour < 11) return 'home.morning';
  if (hour < 13) return 'home.noon';
  if (hour < 18) return 'home.afternoon';
  return 'home.evening';
}

/** The start page: a greeting, the user's place in the system, and links to what the role may use. */
export function HomePage() {
  const me = useCurrentUser();
  const { t, pick, lang } = useI18n();
  const links = visibleEntries(MODULES, me.permissions).filter((m) => m.key !== 'home');
  const cards = MODULES.filter((m) => m.homeCard && canUse(m.permission, me.permissions));
  const admin = me.role === 'sysadmin' || me.role === 'secadmin' || me.role === 'auditor';

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-greeting">
          {t(greetingKey(new Date().getHours()), { name: me.displayName })}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('home.role')}>{labelOf(ROLE_LABELS, me.role, lang)}</Descriptions.Item>
          {me.institutionName && (
            <Descriptions.Item label={t('home.institution')}>
              <span data-testid="home-institution">{me.institutionName}</span>
            </Descriptions.Item>
          )}
          {me.jurisdictionName && (
            <Descriptions.Item label={t('home.jurisdiction')}>
              <span data-testid="home-jurisdiction">{me.jurisdictionName}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('home.username')}>{me.username}</Descriptions.Item>
        </Descriptions>
      </Card>
      {admin && !me.totpEnabled && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('home.totpSuggested')}
          action={<Link to="/account/totp">{t('home.totpSetUp')}</Link>}
        />
      )}
      <RoleLanding />
      {cards.length > 0 && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {cards.map((m) => (
            <Col key={m.key} xs={24} lg={12}>
              {m.homeCard}
            </Col>
          ))}
        </Row>
      )}
      <Typography.Title level={5}>{t('home.quickLinks')}</Typography.Title>
      {links.length === 0 ? (
        <Empty description={t('home.noModules')} />
      ) : (
        <Row gutter={[16, 16]}>
          {links.map((m) => (
            <Col key={m.key} xs={24} sm={12} lg={8} xl={6}>
              <Link to={m.path} data-testid={`quick-${m.key}`}>
                <Card hoverable size="small" styles={{ body: { display: 'flex', alignItems: 'center', gap: 12 } }}>
                  <span style={{ fontSize: 22, color: '#1668dc' }}>{m.icon}</span>
                  <Typography.Text strong>{pick(m.labelZh, m.labelEn)}</Typography.Text>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
