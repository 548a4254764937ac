/** Tables of the indicators, targets, quality, work plans (migrations 0040–0049). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the module's tables land
export interface IndicatorsTables {}
