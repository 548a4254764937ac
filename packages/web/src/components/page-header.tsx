import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';

/** A page's title row: optional breadcrumb, title, subtitle, and actions on the right. */
export function PageHeader(props: {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  breadcrumb?: { title: ReactNode; to?: string }[];
}) {
  return (
    <div style={{ marginBottom: 16 }}>
      {props.breadcrumb && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={props.breadcrumb.map((b) => ({ title: b.to ? <Link to={b.to}>{b.title}</Link> : b.title }))}
        />
      )}
      <Flex justify="space-between" align="center" gap={16} wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {props.title}
          </Typography.Title>
          {props.subTitle && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {props.subTitle}
            </Typography.Text>
          )}
        </div>
        {props.extra && <Flex gap={8}>{props.extra}</Flex>}
      </Flex>
    </div>
  );
}
