import { randomUUID } from 'node:crypto';
import { isValidPhone, maskIdNumber, maskPhone, validateResidentId } from '@fuyou/core';
import { sql, withScope, type Database, type Kysely, type Transaction } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import type { FieldCrypto } from '../../platform/crypto';
import { AppError, errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import { personRepo, type PersonListRow } from './person.repo';
import type { PersonCreateInput, PersonDto, PersonUpdateInput } from './person.schemas';

export interface PersonService {
  create(ctx: AuthContext, input: PersonCreateInput): Promise<{ person: PersonDto; created: boolean }>;
  /** Creates inside a caller's transaction (e.g. a live birth creating the child). */
  createInTx(
    trx: Transaction<Database>,
    ctx: AuthContext,
    input: PersonCreateInput,
    opts?: { synthetic?: boolean },
  ): Promise<PersonDto>;
  get(ctx: AuthContext, id: string): Promise<PersonDto & { children: PersonDto[]; mother: PersonDto | null }>;
  search(
    ctx: AuthContext,
    q: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: PersonDto[]; total: number; page: number; pageSize: number }>;
  duplicates(
    ctx: AuthContext,
    f: {
      name?: string | undefined;
      birthDate?: string | undefined;
      phone?: string | undefined;
      idNumber?: string | undefined;
    },
  ): Promise<{ exact: { personId: string; countyCode: string; inScope: boolean } | null; likely: PersonDto[] }>;
  update(ctx: AuthContext, id: string, input: PersonUpdateInput): Promise<PersonDto>;
  reveal(ctx: AuthContext, id: string, field: 'idNumber' | 'phone'): Promise<{ value: string | null }>;
  transfer(
    ctx: AuthContext,
    id: string,
    input: { toResidenceRegionCode: string; address?: string | undefined; reason: string; version: number },
  ): Promise<PersonDto>;
  toDto(row: PersonListRow): PersonDto;
}

export function createPersonService(deps: {
  db: Kysely<Database>;
  audit: AuditWriter;
  crypto: FieldCrypto;
  regions: RegionIndex;
}): PersonService {
  const { db, audit, crypto, regions } = deps;

  function toDto(r: PersonListRow): PersonDto {
    const hukouCounty = r.hukou_region_code ? regions.countyOf(r.hukou_region_code) : undefined;
    return {
      id: r.id,
      countyCode: r.county_code,
      countyName: regions.get(r.county_code)?.name ?? null,
      name: r.name,
      sex: r.sex,
      birthDate: r.birth_date,
      idType: r.id_type,
      idNumberMasked: r.id_number_masked,
      phoneMasked: r.phone_masked,
      ethnicity: r.ethnicity,
      hukouRegionCode: r.hukou_region_code,
      residenceRegionCode: r.residence_region_code,
      residenceRegionName: regions.get(r.residence_region_code)?.name ?? null,
      address: r.address,
      isNonResident: !!hukouCounty && hukouCounty !== r.county_code,
      motherId: r.mother_id,
      isSynthetic: r.is_synthetic,
      deceasedOn: r.deceased_on,
      version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  }

  function residenceCounty(code: string, field = 'residenceRegionCode'): string {
    const region = regions.get(code);
    const county = region ? regions.countyOf(code) : undefined;
    if (!region || !county)
      throw errors.field(field, '区划代码不存在或不到县级', 'Unknown region code, or above county level');
    return county;
  }

  /** Validates the identifiers and returns what is stored for them. */
  function identifiers(input: {
    idType?: string | undefined;
    idNumber?: string | undefined;
    sex?: string | undefined;
    birthDate?: string | undefined;
    phone?: string | undefined;
  }) {
    const out: { idNumber?: string | null; phone?: string | null } = {};
    if (input.idType !== undefined || input.idNumber !== undefined) {
      if (input.idType === 'none') {
        if (input.idNumber)
          throw errors.field('idNumber', '证件类型为"无"时不应填写证件号码', 'No number for ID type "none"');
        out.idNumber = null;
      } else if (!input.idNumber) {
        throw errors.field('idNumber', '请填写证件号码', 'Enter the ID number');
      } else if (input.idType === 'resident_id') {
        const v = validateResidentId(input.idNumber, {
          isKnownRegion: (c) => !!regions.get(c) || !!regions.get(`${c.slice(0, 4)}00`),
        });
        if (!v.valid)
          throw errors.field(
            'idNumber',
            v.messageZh ?? '身份证号无效',
            v.messageEn ?? 'Invalid ID number',
            'INVALID_ID_NUMBER',
          );
        if (input.sex && input.sex !== 'unknown' && v.sex !== input.sex) {
          throw errors.field(
            'idNumber',
            `身份证号显示性别为${v.sex === 'male' ? '男' : '女'}，与所填性别不一致`,
            'The sex in the ID number differs from the sex entered',
            'ID_SEX_MISMATCH',
          );
        }
        if (input.birthDate && v.birthDate !== input.birthDate) {
          throw errors.field(
            'idNumber',
            `身份证号中的出生日期为 ${v.birthDate}，与所填出生日期不一致`,
            'The birth date in the ID number differs from the birth date entered',
            'ID_BIRTHDATE_MISMATCH',
          );
        }
        out.idNumber = v.normalized ?? input.idNumber;
      } else {
        if (!/^[A-Za-z0-9]{5,20}$/.test(input.idNumber))
          throw errors.field('idNumber', '证件号码格式无效', 'Invalid document number');
        out.idNumber = input.idNumber.toUpperCase();
      }
    }
    if (input.phone !== undefined) {
      if (input.phone && !isValidPhone(input.phone)) {
        throw errors.field('phone', '电话号码格式无效（手机11位，或区号-号码）', 'Invalid phone number');
      }
      out.phone = input.phone || null;
    }
    return out;
  }

  function requireScope(ctx: AuthContext, county: string) {
    if (!ctx.counties.includes(county)) {
      throw errors.forbidden('该地址不在您的管辖范围内', 'That residence is outside your jurisdiction');
    }
  }

  async function createInTx(
    trx: Transaction<Database>,
    ctx: AuthContext,
    input: PersonCreateInput,
    opts: { synthetic?: boolean } = {},
  ) {
    const county = residenceCounty(input.residenceRegionCode);
    requireScope(ctx, county);
    if (input.hukouRegionCode && !regions.get(input.hukouRegionCode)) {
      throw errors.field('hukouRegionCode', '户籍地区划代码不存在', 'Unknown household-registration region');
    }
    if (input.birthDate > new Date().toISOString().slice(0, 10)) {
      throw errors.field('birthDate', '出生日期不能晚于今天', 'The birth date is in the future');
    }
    const ids = identifiers(input);
    const id = input.id ?? randomUUID();
    const idHmac = ids.idNumber ? crypto.blindIndex(ids.idNumber) : null;
    if (idHmac) {
      const key = await personRepo.keyOf(trx, idHmac);
      if (key) {
        const inScope = ctx.counties.includes(key.county_code);
        throw errors.conflict(
          'PERSON_EXISTS',
          inScope
            ? '该证件号码已登记，请使用已有档案'
            : `该证件号码已在${regions.get(key.county_code)?.name ?? key.county_code}登记，如已迁入本地请办理转入`,
          inScope
            ? 'A person with this ID number exists'
            : 'A person with this ID number is registered in another county',
          { personId: inScope ? key.person_id : undefined, countyCode: key.county_code, inScope },
        );
      }
    }
    let motherCounty: string | null = null;
    if (input.motherId) {
      const mother = await personRepo.byId(trx, input.motherId);
      if (!mother) throw errors.field('motherId', '母亲档案不存在或不在您的管辖范围', 'Mother not found');
      if (mother.sex !== 'female') throw errors.field('motherId', '母亲的性别应为女', 'The mother must be female');
      motherCounty = mother.county_code;
    }
    const row = await trx
      .insertInto('person')
      .values({
        county_code: county,
        id,
        name: input.name,
        sex: input.sex,
        birth_date: input.birthDate,
        birth_time: null,
        id_type: input.idType,
        id_number_enc: ids.idNumber ? crypto.encrypt(ids.idNumber) : null,
        id_number_hmac: idHmac,
        id_number_masked: ids.idNumber ? maskIdNumber(ids.idNumber) : null,
        phone_enc: ids.phone ? crypto.encrypt(ids.phone) : null,
        phone_hmac: ids.phone ? crypto.blindIndex(ids.phone) : null,
        phone_masked: ids.phone ? maskPhone(ids.phone) : null,
        ethnicity: input.ethnicity ?? null,
        hukou_region_code: input.hukouRegionCode ?? null,
        residence_region_code: input.residenceRegionCode,
        address: input.address ?? null,
        mother_county_code: motherCounty,
        mother_id: input.motherId ?? null,
        is_synthetic: opts.synthetic ?? false,
        deceased_on: null,
        created_by: ctx.userId,
        created_institution_id: ctx.institutionId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (idHmac)
      await trx
        .insertInto('person_key')
        .values({ id_number_hmac: idHmac, county_code: county, person_id: id })
        .execute();
    await audit.write(trx, ctx, {
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      personId: id,
      countyCode: county,
    });
    return toDto(row);
  }

  async function loadOr404(trx: Transaction<Database>, id: string) {
    const row = await personRepo.byId(trx, id);
    if (!row) throw errors.notFound('人员档案', 'person');
    return row;
  }

  return {
    toDto,
    createInTx,

    async create(ctx, input) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await personRepo.byId(trx, input.id);
          if (existing) {
            if (existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            return { person: toDto(existing), created: false };
          }
        }
        return { person: await createInTx(trx, ctx, input), created: true };
      });
    },

    async get(ctx, id) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadOr404(trx, id);
        const [children, mother] = await Promise.all([
          personRepo.children(trx, id),
          row.mother_id ? personRepo.byId(trx, row.mother_id) : Promise.resolve(undefined),
        ]);
        await audit.read(trx, ctx, {
          action: 'person.read',
          entityType: 'person',
          entityId: id,
          personId: id,
          countyCode: row.county_code,
        });
        return { ...toDto(row), children: children.map(toDto), mother: mother ? toDto(mother) : null };
      });
    },

    async search(ctx, q, page, pageSize) {
      return withScope(db, ctx, async (trx) => {
        const query = (q ?? '').trim();
        let filter: { idHmac?: string; phoneHmac?: string; name?: string } = {};
        let kind = 'all';
        if (/^[0-9]{15}$|^[0-9]{17}[0-9Xx]$/.test(query)) {
          const v = validateResidentId(query);
          filter = { idHmac: crypto.blindIndex(v.normalized ?? query) };
          kind = 'id_number';
        } else if (/^[A-Za-z]{1,2}[0-9]{6,}$/.test(query)) {
          filter = { idHmac: crypto.blindIndex(query) };
          kind = 'document';
        } else if (/^[0-9-]{7,13}$/.test(query)) {
          filter = { phoneHmac: crypto.blindIndex(query) };
          kind = 'phone';
        } else if (query) {
          filter = { name: query };
          kind = 'name';
        }
        const { rows, total } = await personRepo.search(trx, filter, page, pageSize);
        await audit.read(trx, ctx, {
          action: 'person.search',
          entityType: 'person',
          details: { kind, results: total },
        });
        return { items: rows.map(toDto), total, page, pageSize };
      });
    },

    async duplicates(ctx, f) {
      return withScope(db, ctx, async (trx) => {
        let exact: { personId: string; countyCode: string; inScope: boolean } | null = null;
        if (f.idNumber) {
          const v = validateResidentId(f.idNumber);
          const key = await personRepo.keyOf(trx, crypto.blindIndex(v.normalized ?? f.idNumber));
          if (key) {
            const inScope = ctx.counties.includes(key.county_code);
            exact = { personId: inScope ? key.person_id : '', countyCode: key.county_code, inScope };
          }
        }
        const likely = await personRepo.likelyDuplicates(trx, {
          ...(f.name ? { name: f.name } : {}),
          ...(f.birthDate ? { birthDate: f.birthDate } : {}),
          ...(f.phone ? { phoneHmac: crypto.blindIndex(f.phone) } : {}),
        });
        return { exact, likely: likely.map(toDto) };
      });
    },

    async update(ctx, id, input) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadOr404(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        const merged = {
          sex: input.sex ?? row.sex,
          birthDate: input.birthDate ?? row.birth_date ?? undefined,
        };
        const idChanged = input.idType !== undefined || input.idNumber !== undefined;
        const ids = identifiers({
          ...(idChanged ? { idType: input.idType ?? row.id_type, idNumber: input.idNumber } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          sex: merged.sex,
          birthDate: merged.birthDate,
        });
        if (!idChanged && row.id_type === 'resident_id' && row.id_number_enc && (input.sex || input.birthDate)) {
          identifiers({ idType: 'resident_id', idNumber: crypto.decrypt(row.id_number_enc), ...merged });
        }
        let county = row.county_code;
        if (input.residenceRegionCode) {
          county = residenceCounty(input.residenceRegionCode);
          if (county !== row.county_code) {
            throw errors.field(
              'residenceRegionCode',
              '迁往其他县区请使用"转出"操作',
              'Moving to another county is a transfer',
              'USE_TRANSFER',
            );
          }
        }
        const newHmac = ids.idNumber ? crypto.blindIndex(ids.idNumber) : ids.idNumber === null ? null : undefined;
        if (newHmac && newHmac !== row.id_number_hmac) {
          const key = await personRepo.keyOf(trx, newHmac);
          if (key)
            throw errors.conflict('PERSON_EXISTS', '该证件号码已属于另一份档案', 'Another person has this ID number', {
              countyCode: key.county_code,
            });
        }
        const updated = await trx
          .updateTable('person')
          .set({
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.sex !== undefined ? { sex: input.sex } : {}),
            ...(input.birthDate !== undefined ? { birth_date: input.birthDate } : {}),
            ...(input.idType !== undefined ? { id_type: input.idType } : {}),
            ...(ids.idNumber !== undefined
              ? {
                  id_number_enc: ids.idNumber ? crypto.encrypt(ids.idNumber) : null,
                  id_number_hmac: newHmac ?? null,
                  id_number_masked: ids.idNumber ? maskIdNumber(ids.idNumber) : null,
                }
              : {}),
            ...(ids.phone !== undefined
              ? {
                  phone_enc: ids.phone ? crypto.encrypt(ids.phone) : null,
                  phone_hmac: ids.phone ? crypto.blindIndex(ids.phone) : null,
                  phone_masked: ids.phone ? maskPhone(ids.phone) : null,
                }
              : {}),
            ...(input.ethnicity !== undefined ? { ethnicity: input.ethnicity } : {}),
            ...(input.hukouRegionCode !== undefined ? { hukou_region_code: input.hukouRegionCode } : {}),
            ...(input.residenceRegionCode !== undefined ? { residence_region_code: input.residenceRegionCode } : {}),
            ...(input.address !== undefined ? { address: input.address } : {}),
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        if (newHmac !== undefined && newHmac !== row.id_number_hmac) {
          if (row.id_number_hmac)
            await trx.deleteFrom('person_key').where('id_number_hmac', '=', row.id_number_hmac).execute();
          if (newHmac)
            await trx
              .insertInto('person_key')
              .values({ id_number_hmac: newHmac, county_code: county, person_id: id })
              .execute();
        }
        await audit.write(trx, ctx, {
          action: 'person.update',
          entityType: 'person',
          entityId: id,
          personId: id,
          countyCode: county,
          details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
        return toDto(updated);
      });
    },

    async reveal(ctx, id, field) {
      if (!ctx.permissions.has('person.reveal')) throw errors.forbidden();
      return withScope(db, ctx, async (trx) => {
        const row = await loadOr404(trx, id);
        const enc = field === 'idNumber' ? row.id_number_enc : row.phone_enc;
        await audit.read(trx, ctx, {
          action: 'person.reveal',
          entityType: 'person',
          entityId: id,
          personId: id,
          countyCode: row.county_code,
          details: { field },
        });
        return { value: enc ? crypto.decrypt(enc) : null };
      });
    },

    async transfer(ctx, id, input) {
      if (!ctx.permissions.has('person.transfer')) throw errors.forbidden();
      const toCounty = residenceCounty(input.toResidenceRegionCode, 'toResidenceRegionCode');
      // The transfer itself sees both counties: the person leaves the sender's scope in this transaction.
      return withScope(db, { userId: ctx.userId, counties: [...new Set([...ctx.counties, toCounty])] }, async (trx) => {
        const row = await personRepo.byId(trx, id);
        if (!row || !ctx.counties.includes(row.county_code)) throw errors.notFound('人员档案', 'person');
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (toCounty === row.county_code) {
          throw errors.field(
            'toResidenceRegionCode',
            '迁入地与当前所在县区相同，请直接修改地址',
            'Same county: edit the address instead',
          );
        }
        // ON UPDATE CASCADE moves every row that refers to her (county_code is part of each foreign key)
        await sql`update person set county_code = ${toCounty}, residence_region_code = ${input.toResidenceRegionCode},
          address = ${input.address ?? null}, version = version + 1, updated_at = now()
          where county_code = ${row.county_code} and id = ${id}`.execute(trx);
        await sql`update person set mother_county_code = ${toCounty} where mother_county_code = ${row.county_code} and mother_id = ${id}`.execute(
          trx,
        );
        if (row.id_number_hmac)
          await trx
            .updateTable('person_key')
            .set({ county_code: toCounty })
            .where('id_number_hmac', '=', row.id_number_hmac)
            .execute();
        await trx
          .insertInto('person_transfer')
          .values({
            county_code: toCounty,
            id: randomUUID(),
            person_id: id,
            from_county: row.county_code,
            to_county: toCounty,
            reason: input.reason,
            new_residence_region_code: input.toResidenceRegionCode,
            transferred_by: ctx.userId,
          })
          .execute();
        await audit.write(trx, ctx, {
          action: 'person.transfer',
          entityType: 'person',
          entityId: id,
          personId: id,
          countyCode: row.county_code,
          details: { from: row.county_code, to: toCounty, reason: input.reason },
        });
        const moved = await personRepo.byId(trx, id);
        if (!moved) throw new AppError('INTERNAL', 500, '迁移失败', 'Transfer failed');
        return toDto(moved);
      });
    },
  };
}
