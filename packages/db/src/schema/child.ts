/** Tables of the child health pathway (migrations 0020–0029). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the module's tables land
export interface ChildTables {}
