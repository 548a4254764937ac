/** Tables of the maternal care pathway (migrations 0010–0019). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the module's tables land
export interface MaternalTables {}
