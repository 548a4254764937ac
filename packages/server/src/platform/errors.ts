/**
 * One error family: every failure the API reports is an AppError with a stable code, an HTTP status, a zh-CN and
 * an en-US message, and optional field details. The error handler adds the request id; nothing else leaks.
 */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `idNumber` or `babies.0.weightG`. */
  field: string;
  messageZh: string;
  messageEn: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly fields: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(messageEn);
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (fields: FieldProblem[]) =>
    new AppError(
      'VALIDATION_FAILED',
      400,
      `输入有误：${fields.map((f) => `${f.field} ${f.messageZh}`).join('；')}`,
      `Invalid input: ${fields.map((f) => `${f.field} ${f.messageEn}`).join('; ')}`,
      fields,
    ),
  field: (field: string, messageZh: string, messageEn: string, code = 'VALIDATION_FAILED') =>
    new AppError(code, 400, `${messageZh}（字段：${field}）`, `${messageEn} (field: ${field})`, [
      { field, messageZh, messageEn },
    ]),
  unauthenticated: () => new AppError('UNAUTHENTICATED', 401, '请先登录', 'Please log in'),
  forbidden: (zh = '您没有执行此操作的权限', en = 'You are not allowed to do this') =>
    new AppError('FORBIDDEN', 403, zh, en),
  notFound: (what = '记录', whatEn = 'record') =>
    new AppError('NOT_FOUND', 404, `${what}不存在`, `The ${whatEn} was not found`),
  staleVersion: (current?: number) =>
    new AppError(
      'STALE_VERSION',
      409,
      '该记录已被他人修改，请刷新后重试',
      'The record was changed by someone else; reload and try again',
      [],
      current === undefined ? {} : { currentVersion: current },
    ),
  conflict: (code: string, zh: string, en: string, details: Record<string, unknown> = {}) =>
    new AppError(code, 409, zh, en, [], details),
};

/** PostgreSQL error codes we turn into user errors instead of 500s. */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const e = err as { code?: string; constraint?: string; message?: string };
  switch (e?.code) {
    case '23505':
      return errors.conflict('DUPLICATE', '记录重复', 'Duplicate record', { constraint: e.constraint });
    case '23503':
      return new AppError('REFERENCE_NOT_FOUND', 422, '引用的记录不存在', 'A referenced record does not exist');
    case '23514':
      return new AppError('CHECK_FAILED', 422, '数据不符合规则', 'The data breaks a rule', [], {
        constraint: e.constraint,
      });
    case '22007':
    case '22008':
      return new AppError('BAD_DATE', 400, '日期无效', 'Invalid date');
    case '22P02':
      return new AppError('BAD_VALUE', 400, '数值格式无效', 'Invalid value format');
    case '42501':
      if (e.message?.includes('row-level security'))
        return errors.forbidden('超出您的管辖范围', 'Outside your jurisdiction');
      return errors.forbidden();
    default:
      return undefined;
  }
}
