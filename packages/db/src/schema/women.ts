/** Tables of the women's health and pre-pregnancy programmes (migrations 0030–0039). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the module's tables land
export interface WomenTables {}
