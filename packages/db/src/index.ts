export * from './connection';
export * from './migrate';
export * from './schema/index';
export * from './pglite-dialect';
export * from './reference/regions';
export { sql } from 'kysely';
export type { Kysely, RawBuilder, SelectQueryBuilder, Transaction, Selectable, Insertable, Updateable } from 'kysely';
