export * from './app';
export * from './services';
export * from './platform/config';
export * from './platform/crypto';
export * from './platform/context';
export * from './platform/errors';
export * from './platform/passwords';
export * from './platform/audit';
export { verifyAuditChain, purgeExpiredAudit } from './modules/audit/audit.service';
