import { randomUUID } from 'node:crypto';
import { authenticator } from 'otplib';
import { checkPassword, passwordMessage, DEFAULT_PASSWORD_POLICY } from '@fuyou/core';
import { sql, withScope, type Database, type Kysely, type Transaction } from '@fuyou/db';
import type { AuditWriter } from './audit';
import type { AppConfig } from './config';
import { ADMIN_ROLES, ROLE_PERMISSIONS, type AuthContext, type Role } from './context';
import { randomToken, sha256, type FieldCrypto } from './crypto';
import { AppError, errors } from './errors';
import { hashPassword, verifyDummy, verifyPassword } from './passwords';
import type { RegionIndex } from './regions';

/** What the client learns about the logged-in user. */
export interface MeDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  institutionName: string | null;
  jurisdictionCode: string | null;
  jurisdictionName: string | null;
  counties: string[];
  permissions: string[];
  mustChangePassword: boolean;
  totpEnabled: boolean;
  totpSetupRequired: boolean;
  demo: boolean;
}

export interface LoginInput {
  username: string;
  password: string;
  otp?: string | undefined;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

type UserRow = Awaited<ReturnType<typeof loadUserByName>>;

async function loadUserByName(trx: Transaction<Database>, username: string) {
  return trx.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export interface AuthService {
  login(input: LoginInput): Promise<{ token: string; me: MeDto }>;
  authenticate(token: string, requestId: string, ip: string | null): Promise<{ ctx: AuthContext; me: MeDto } | null>;
  logout(token: string, ctx: AuthContext | null): Promise<void>;
  changePassword(ctx: AuthContext, oldPassword: string, newPassword: string): Promise<{ token: string }>;
  totpBegin(ctx: AuthContext): Promise<{ secret: string; otpauthUrl: string }>;
  totpEnable(ctx: AuthContext, code: string): Promise<void>;
  contextFor(userId: string, requestId?: string): Promise<AuthContext>;
  validateNewPassword(password: string, username: string): void;
  /**
   * Forgets every recently checked session of this process, so the next request of each reads its session and
   * user again. Called after a change to users or sessions commits (disable, role, permissions, password, logout).
   */
  forgetSessions(): void;
}

/** A session checked a moment ago: who it is and when it was last seen, as the database said then. */
interface CheckedSession {
  me: MeDto;
  lastSeen: number;
  expires: number;
  checkedAt: number;
}

export function createAuthService(deps: {
  db: Kysely<Database>;
  audit: AuditWriter;
  config: AppConfig;
  crypto: FieldCrypto;
  regions: RegionIndex;
}): AuthService {
  const { db, audit, config, crypto, regions } = deps;
  const noScope = { counties: [] as string[] };
  // Sessions checked in the last `sessionCheckCacheMs` (default 2 s): a page asks for several things at once and a
  // clinic's screen polls, and each request's session check was a transaction of its own (issue #7: a third of a
  // person search's database work). A change made through this process forgets them all at once
  // (forgetSessions); one made by another process shows within the bound. The generation keeps a check that
  // started before a forget from being remembered after it.
  const checked = new Map<string, CheckedSession>();
  let generation = 0;
  const forgetSessions = () => {
    generation++;
    checked.clear();
  };

  async function buildMe(trx: Transaction<Database>, user: NonNullable<UserRow>): Promise<MeDto> {
    const inst = user.institution_id
      ? await trx
          .selectFrom('institution')
          .select(['name', 'county_code'])
          .where('id', '=', user.institution_id)
          .executeTakeFirst()
      : undefined;
    return meOf(user, inst);
  }

  function meOf(user: NonNullable<UserRow>, inst: { name: string; county_code: string } | undefined): MeDto {
    const role = user.role as Role;
    let counties: string[] = [];
    if (role === 'clinician') counties = inst ? [inst.county_code] : [];
    else if (!ADMIN_ROLES.has(role) && user.jurisdiction_code) counties = regions.countiesUnder(user.jurisdiction_code);
    const rotationDue =
      config.passwordRotationDays > 0 &&
      Date.now() - new Date(user.password_changed_at).getTime() > config.passwordRotationDays * 86400_000;
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role,
      institutionId: user.institution_id,
      institutionName: inst?.name ?? null,
      jurisdictionCode: user.jurisdiction_code,
      jurisdictionName: user.jurisdiction_code ? (regions.get(user.jurisdiction_code)?.name ?? null) : null,
      counties,
      permissions: [...new Set([...ROLE_PERMISSIONS[role], ...user.permissions])],
      mustChangePassword: user.must_change_password || rotationDue,
      totpEnabled: user.totp_enabled,
      totpSetupRequired: !config.demo && ADMIN_ROLES.has(role) && !user.totp_enabled,
      demo: config.demo,
    };
  }

  function toContext(me: MeDto, requestId: string, ip: string | null): AuthContext {
    return {
      userId: me.id,
      username: me.username,
      displayName: me.displayName,
      role: me.role,
      institutionId: me.institutionId,
      jurisdictionCode: me.jurisdictionCode,
      counties: me.counties,
      permissions: new Set(me.permissions),
      requestId,
      ip,
    };
  }

  async function newSession(
    trx: Transaction<Database>,
    userId: string,
    ip: string | null,
    ua: string | null,
    otpVerified: boolean,
  ) {
    const token = randomToken();
    await trx
      .insertInto('session')
      .values({
        id: randomUUID(),
        token_hash: sha256(token),
        user_id: userId,
        csrf_token: randomToken(),
        expires_at: new Date(Date.now() + config.sessionAbsoluteHours * 3600_000),
        otp_verified: otpVerified,
        ip,
        user_agent: ua?.slice(0, 300) ?? null,
      })
      .execute();
    return token;
  }

  const invalid = () => new AppError('INVALID_CREDENTIALS', 401, '用户名或密码错误', 'Wrong username or password');

  return {
    validateNewPassword(password, username) {
      const problems = checkPassword(password, username, DEFAULT_PASSWORD_POLICY);
      if (problems.length) {
        throw new AppError(
          'WEAK_PASSWORD',
          400,
          problems.map((p) => passwordMessage(p, 'zh')).join('；'),
          problems.map((p) => passwordMessage(p, 'en')).join('; '),
          problems.map((p) => ({
            field: 'newPassword',
            messageZh: passwordMessage(p, 'zh'),
            messageEn: passwordMessage(p, 'en'),
          })),
        );
      }
    },

    async login(input) {
      const actor = (u?: NonNullable<UserRow>) => ({
        userId: u?.id ?? '',
        username: input.username,
        role: u?.role ?? '',
        ip: input.ip,
        requestId: input.requestId,
      });
      // Failure paths commit their audit event and attempt record, then throw.
      const result = await withScope(db, noScope, async (trx) => {
        const user = await loadUserByName(trx, input.username);
        const fail = async (reason: string, error: AppError) => {
          await trx
            .insertInto('login_attempt')
            .values({ username: input.username, success: false, ip: input.ip })
            .execute();
          await audit.write(trx, user ? actor(user) : { ...actor(), userId: '' }, {
            action: 'auth.login',
            outcome: 'failure',
            entityType: 'user',
            ...(user ? { entityId: user.id } : {}),
            details: { reason },
          });
          if (user && reason === 'bad_password') {
            const since = new Date(Date.now() - config.lockout.windowMinutes * 60_000);
            const lastSuccess = await trx
              .selectFrom('login_attempt')
              .select(sql<Date>`max(at)`.as('at'))
              .where('username', '=', input.username)
              .where('success', '=', true)
              .executeTakeFirst();
            const from = lastSuccess?.at && new Date(lastSuccess.at) > since ? new Date(lastSuccess.at) : since;
            const n = await trx
              .selectFrom('login_attempt')
              .select(sql<number>`count(*)`.as('n'))
              .where('username', '=', input.username)
              .where('success', '=', false)
              .where('at', '>', from)
              .executeTakeFirstOrThrow();
            if (Number(n.n) >= config.lockout.maxFailures) {
              const until = new Date(Date.now() + config.lockout.lockMinutes * 60_000);
              await trx.updateTable('app_user').set({ locked_until: until }).where('id', '=', user.id).execute();
              await audit.write(trx, actor(user), {
                action: 'auth.lock',
                entityType: 'user',
                entityId: user.id,
                details: { until },
              });
              return lockedError(until, config.lockout.lockMinutes);
            }
          }
          return error;
        };
        if (!user) {
          await verifyDummy(input.password);
          return { error: await fail('unknown_user', invalid()) };
        }
        if (user.locked_until && new Date(user.locked_until) > new Date()) {
          return { error: await fail('locked', lockedError(new Date(user.locked_until), config.lockout.lockMinutes)) };
        }
        if (!(await verifyPassword(user.password_hash, input.password))) {
          return { error: await fail('bad_password', invalid()) };
        }
        if (user.disabled) {
          return {
            error: await fail(
              'disabled',
              new AppError('ACCOUNT_DISABLED', 403, '该账号已停用，请联系安全管理员', 'This account is disabled'),
            ),
          };
        }
        if (user.totp_enabled) {
          if (!input.otp) {
            return {
              error: new AppError(
                'OTP_REQUIRED',
                401,
                '请输入动态验证码',
                'Enter the one-time code from your authenticator',
              ),
            };
          }
          const secret = user.totp_secret_enc ? crypto.decrypt(user.totp_secret_enc) : '';
          if (!authenticator.check(input.otp.trim(), secret)) {
            return {
              error: await fail(
                'bad_otp',
                new AppError('OTP_INVALID', 401, '动态验证码不正确', 'The one-time code is wrong'),
              ),
            };
          }
        }
        await trx
          .insertInto('login_attempt')
          .values({ username: input.username, success: true, ip: input.ip })
          .execute();
        await trx.updateTable('app_user').set({ locked_until: null }).where('id', '=', user.id).execute();
        const token = await newSession(trx, user.id, input.ip, input.userAgent, user.totp_enabled);
        await audit.write(trx, actor(user), { action: 'auth.login', entityType: 'user', entityId: user.id });
        return { token, me: await buildMe(trx, user) };
      });
      if ('error' in result) throw result.error;
      return result;
    },

    async authenticate(token, requestId, ip) {
      if (!token) return null;
      const hash = sha256(token);
      const key = hash.toString('base64');
      const now = Date.now();
      const seen = checked.get(key);
      if (seen) {
        if (
          now - seen.checkedAt <= config.sessionCheckCacheMs &&
          seen.expires >= now &&
          // the last-seen time is kept up to date by the database path below, every 30 s at most
          now - seen.lastSeen <= 30_000
        ) {
          return { me: seen.me, ctx: toContext(seen.me, requestId, ip) };
        }
        checked.delete(key);
      }
      const startedIn = generation;
      const found = await withScope(db, noScope, async (trx) => {
        // session, user and institution in one statement: this runs before every request
        const row = await trx
          .selectFrom('session')
          .innerJoin('app_user', 'app_user.id', 'session.user_id')
          .leftJoin('institution', 'institution.id', 'app_user.institution_id')
          .selectAll('app_user')
          .select([
            'session.id as session_id',
            'session.last_seen_at',
            'session.expires_at',
            'session.revoked_at',
            'institution.name as institution_name',
            'institution.county_code as institution_county_code',
          ])
          .where('session.token_hash', '=', hash)
          .executeTakeFirst();
        if (!row || row.revoked_at) return null;
        if (new Date(row.expires_at).getTime() < now) return null;
        if (new Date(row.last_seen_at).getTime() + config.sessionIdleMinutes * 60_000 < now) return null;
        if (row.disabled) return null;
        let lastSeen = new Date(row.last_seen_at).getTime();
        if (now - lastSeen > 30_000) {
          await trx.updateTable('session').set({ last_seen_at: new Date() }).where('id', '=', row.session_id).execute();
          lastSeen = now;
        }
        const {
          session_id: _session,
          last_seen_at: _lastSeen,
          expires_at: _expires,
          revoked_at: _revoked,
          institution_name,
          institution_county_code,
          ...user
        } = row;
        const inst =
          institution_name !== null && institution_county_code !== null
            ? { name: institution_name, county_code: institution_county_code }
            : undefined;
        const me = meOf(user, inst);
        return { me, lastSeen, expires: new Date(row.expires_at).getTime() };
      });
      if (!found) return null;
      if (config.sessionCheckCacheMs > 0 && startedIn === generation) {
        if (checked.size >= 10_000) checked.delete(checked.keys().next().value!);
        checked.set(key, { ...found, checkedAt: Date.now() });
      }
      return { me: found.me, ctx: toContext(found.me, requestId, ip) };
    },

    async logout(token, ctx) {
      await withScope(db, noScope, async (trx) => {
        await trx
          .updateTable('session')
          .set({ revoked_at: new Date() })
          .where('token_hash', '=', sha256(token))
          .execute();
        if (ctx) await audit.write(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.userId });
      });
      forgetSessions();
    },

    async changePassword(ctx, oldPassword, newPassword) {
      const changed = await withScope(db, noScope, async (trx) => {
        const user = await trx
          .selectFrom('app_user')
          .selectAll()
          .where('id', '=', ctx.userId)
          .executeTakeFirstOrThrow();
        if (!(await verifyPassword(user.password_hash, oldPassword))) {
          throw errors.field('oldPassword', '原密码不正确', 'The current password is wrong', 'WRONG_PASSWORD');
        }
        if (oldPassword === newPassword) {
          throw errors.field(
            'newPassword',
            '新密码不能与原密码相同',
            'The new password must differ from the old one',
            'WEAK_PASSWORD',
          );
        }
        this.validateNewPassword(newPassword, user.username);
        await trx
          .updateTable('app_user')
          .set({
            password_hash: await hashPassword(newPassword),
            must_change_password: false,
            password_changed_at: new Date(),
            updated_at: new Date(),
            version: sql`version + 1` as never,
          })
          .where('id', '=', user.id)
          .execute();
        // every session of the user ends; the caller gets a fresh one
        await trx
          .updateTable('session')
          .set({ revoked_at: new Date() })
          .where('user_id', '=', user.id)
          .where('revoked_at', 'is', null)
          .execute();
        const token = await newSession(trx, user.id, ctx.ip, null, user.totp_enabled);
        await audit.write(trx, ctx, { action: 'auth.password_change', entityType: 'user', entityId: user.id });
        return { token };
      });
      forgetSessions();
      return changed;
    },

    async totpBegin(ctx) {
      const secret = authenticator.generateSecret();
      await withScope(db, noScope, async (trx) => {
        const user = await trx
          .selectFrom('app_user')
          .select(['totp_enabled'])
          .where('id', '=', ctx.userId)
          .executeTakeFirstOrThrow();
        if (user.totp_enabled) {
          throw errors.conflict('TOTP_ALREADY_ENABLED', '已启用动态验证码', 'Two-factor authentication is already on');
        }
        await trx
          .updateTable('app_user')
          .set({ totp_secret_enc: crypto.encrypt(secret) })
          .where('id', '=', ctx.userId)
          .execute();
        await audit.write(trx, ctx, { action: 'auth.totp_begin', entityType: 'user', entityId: ctx.userId });
      });
      return { secret, otpauthUrl: authenticator.keyuri(ctx.username, 'Fuyou 妇幼', secret) };
    },

    async totpEnable(ctx, code) {
      await withScope(db, noScope, async (trx) => {
        const user = await trx
          .selectFrom('app_user')
          .select(['totp_secret_enc'])
          .where('id', '=', ctx.userId)
          .executeTakeFirstOrThrow();
        if (!user.totp_secret_enc) throw errors.conflict('TOTP_NOT_STARTED', '请先生成密钥', 'Start the set-up first');
        if (!authenticator.check(code.trim(), crypto.decrypt(user.totp_secret_enc))) {
          throw errors.field('code', '动态验证码不正确', 'The one-time code is wrong', 'OTP_INVALID');
        }
        await trx.updateTable('app_user').set({ totp_enabled: true }).where('id', '=', ctx.userId).execute();
        await audit.write(trx, ctx, { action: 'auth.totp_enable', entityType: 'user', entityId: ctx.userId });
      });
      forgetSessions();
    },

    forgetSessions,

    async contextFor(userId, requestId = 'internal') {
      return withScope(db, noScope, async (trx) => {
        const user = await trx.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
        return toContext(await buildMe(trx, user), requestId, null);
      });
    },
  };
}

function lockedError(until: Date, minutes: number): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    423,
    `登录失败次数过多，账号已锁定${minutes}分钟，请于 ${until.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })} 后再试`,
    `Too many failed logins: the account is locked for ${minutes} minutes`,
    [],
    { lockedUntil: until.toISOString() },
  );
}
