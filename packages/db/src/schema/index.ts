import type { AccountabilityTables } from './accountability';
import type { ChildTables } from './child';
import type { IndicatorsTables } from './indicators';
import type { MaternalTables } from './maternal';
import type { PlatformTables } from './platform';
import type { QualityTables } from './quality';
import type { WomenTables } from './women';

export * from './platform';
export * from './maternal';
export * from './child';
export * from './women';
export * from './indicators';
export * from './accountability';
export * from './quality';

/** The database as Kysely sees it: each module owns one file of table types. */
export interface Database
  extends
    PlatformTables,
    MaternalTables,
    ChildTables,
    WomenTables,
    IndicatorsTables,
    AccountabilityTables,
    QualityTables {}
