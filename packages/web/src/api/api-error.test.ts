import { describe, expect, it } from 'vitest';
import { ApiError, isSessionRestricted, isUnauthenticated, parseErrorBody } from './api-error';

describe('parseErrorBody: the platform error body becomes an ApiError', () => {
  it('keeps code, status, both messages, fields and details', () => {
    const e = parseErrorBody(409, {
      error: {
        code: 'PERSON_EXISTS',
        message: '该证件号码已登记，请使用已有档案',
        messageZh: '该证件号码已登记，请使用已有档案',
        messageEn: 'A person with this ID number exists',
        fields: [],
        personId: 'p-1',
        inScope: true,
        requestId: 'r-1',
      },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.status, e.messageZh, e.messageEn]).toEqual([
      'PERSON_EXISTS',
      409,
      '该证件号码已登记，请使用已有档案',
      'A person with this ID number exists',
    ]);
    expect(e.details).toEqual({ personId: 'p-1', inScope: true, requestId: 'r-1' });
    expect(e.messageIn('zh-CN')).toBe('该证件号码已登记，请使用已有档案');
    expect(e.messageIn('en-US')).toBe('A person with this ID number exists');
  });

  it('keeps field problems', () => {
    const e = parseErrorBody(400, {
      error: {
        code: 'VALIDATION_FAILED',
        messageZh: '输入有误',
        messageEn: 'Invalid input',
        fields: [{ field: 'idNumber', messageZh: '身份证号无效', messageEn: 'Invalid ID number' }],
      },
    });
    expect(e.fields).toEqual([{ field: 'idNumber', messageZh: '身份证号无效', messageEn: 'Invalid ID number' }]);
  });

  it.each([
    ['an HTML page from a proxy', 502, undefined, 'HTTP_502'],
    ["Fastify's plain error", 400, { error: 'Bad Request', message: 'Client Error', statusCode: 400 }, 'HTTP_400'],
    ['an empty object', 500, {}, 'HTTP_500'],
  ])('falls back to a generic error for %s', (_what, status, body, code) => {
    const e = parseErrorBody(status, body);
    expect(e.code).toBe(code);
    expect(e.status).toBe(status);
    expect(e.messageZh).toContain(String(status));
  });

  it('uses `message` when the language-specific messages are missing', () => {
    const e = parseErrorBody(404, { error: { code: 'NOT_FOUND', message: '接口不存在' } });
    expect([e.messageZh, e.messageEn]).toEqual(['接口不存在', '接口不存在']);
  });
});

describe('error classes that change the session', () => {
  it.each([
    [new ApiError('UNAUTHENTICATED', 401, '请先登录', 'Please log in'), true, false],
    [new ApiError('INVALID_CREDENTIALS', 401, '用户名或密码错误', 'Wrong username or password'), false, false],
    [new ApiError('PASSWORD_CHANGE_REQUIRED', 403, '请先修改密码', 'Change your password first'), false, true],
    [new ApiError('TOTP_SETUP_REQUIRED', 403, '请先设置动态验证码', 'Set up TOTP first'), false, true],
    [new ApiError('FORBIDDEN', 403, '无权限', 'Forbidden'), false, false],
  ])('%s → unauthenticated %s, restricted %s', (e, unauth, restricted) => {
    expect(isUnauthenticated(e)).toBe(unauth);
    expect(isSessionRestricted(e)).toBe(restricted);
  });
});
