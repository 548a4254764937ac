/**
 * @fuyou/core: the medical and statistical knowledge of Fuyou. Pure functions and data only;
 * nothing here does I/O or knows HTTP or SQL.
 */
export * from './identity/index';
export * from './maternal/index';
export * from './child/index';
export * from './growth/index';
export * from './women/index';
export * from './indicators/index';
export * from './quality/index';
export * from './workplans/index';
