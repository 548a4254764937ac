/** Pure rules of the person forms: identifier checks and the request bodies built from form values. */
import { isValidPhone, validateResidentId } from '@fuyou/core';
import type { PersonCreateInput, PersonUpdateInput } from '../../api/people.api';
import type { IdType, PersonDto, Sex } from '../../api/types';
import { pick, type Lang } from '../../i18n/translate';

/** Values of the person form (dates as YYYY-MM-DD strings; the page converts the date picker's value). */
export interface PersonFormData {
  name: string;
  sex: Sex;
  birthDate: string;
  idType: IdType;
  idNumber?: string | undefined;
  phone?: string | undefined;
  ethnicity?: string | undefined;
  hukouRegionCode?: string | undefined;
  residenceRegionCode: string;
  address?: string | undefined;
}

/** What a valid resident ID number says about its holder. */
export interface IdFacts {
  normalized: string;
  sex: 'male' | 'female';
  birthDate: string;
}

/** The facts inside a resident ID number, or undefined when it is not valid. */
export function residentIdFacts(idNumber: string | undefined): IdFacts | undefined {
  if (!idNumber) return undefined;
  const v = validateResidentId(idNumber);
  if (!v.valid || !v.normalized || !v.sex || !v.birthDate) return undefined;
  return { normalized: v.normalized, sex: v.sex, birthDate: v.birthDate };
}

/**
 * The problem with an ID number given the other fields, in `lang`, or undefined when it is acceptable.
 * `optional` is for edit forms, where an empty number means "keep the stored one".
 */
export function idNumberProblem(
  input: {
    idType: IdType | undefined;
    idNumber: string | undefined;
    sex?: Sex | undefined;
    birthDate?: string | undefined;
  },
  lang: Lang,
  optional = false,
): string | undefined {
  const id = (input.idNumber ?? '').trim();
  if (input.idType === 'none') {
    return id
      ? pick(lang, '证件类型为"无证件"时不应填写证件号码', 'Leave the number empty for "no document"')
      : undefined;
  }
  if (!id) return optional ? undefined : pick(lang, '请填写证件号码', 'Enter the document number');
  if (input.idType === 'resident_id') {
    const v = validateResidentId(id);
    if (!v.valid) return pick(lang, v.messageZh ?? '身份证号无效', v.messageEn ?? 'Invalid ID number');
    if (input.sex && input.sex !== 'unknown' && v.sex !== input.sex) {
      return pick(
        lang,
        `身份证号显示性别为${v.sex === 'male' ? '男' : '女'}，与所填性别不一致`,
        'The sex in the ID number differs from the sex entered',
      );
    }
    if (input.birthDate && v.birthDate !== input.birthDate) {
      return pick(
        lang,
        `身份证号中的出生日期为 ${v.birthDate}，与所填出生日期不一致`,
        `The ID number says the birth date is ${v.birthDate ?? ''}, not the date entered`,
      );
    }
    return undefined;
  }
  return /^[A-Za-z0-9]{5,20}$/.test(id)
    ? undefined
    : pick(lang, '证件号码应为5–20位字母或数字', 'A document number has 5–20 letters or digits');
}

/** The problem with a phone number in `lang`, or undefined (empty is fine: the phone is optional). */
export function phoneProblem(phone: string | undefined, lang: Lang): string | undefined {
  const p = (phone ?? '').trim();
  if (!p || isValidPhone(p)) return undefined;
  return pick(
    lang,
    '电话号码格式无效（手机11位，或区号-号码）',
    'Invalid phone number (11-digit mobile, or area code-number)',
  );
}

function clean(v: string | undefined): string | undefined {
  const s = v?.trim();
  return s ? s : undefined;
}

/** The body of POST /people from the form (resident ID numbers normalised: upper-case X, 15 → 18 digits). */
export function toCreateInput(v: PersonFormData, extra: { id?: string; motherId?: string } = {}): PersonCreateInput {
  const idNumber =
    v.idType === 'none'
      ? undefined
      : v.idType === 'resident_id'
        ? (residentIdFacts(v.idNumber)?.normalized ?? clean(v.idNumber))
        : clean(v.idNumber)?.toUpperCase();
  return {
    ...(extra.id ? { id: extra.id } : {}),
    name: v.name.trim(),
    sex: v.sex,
    birthDate: v.birthDate,
    idType: v.idType,
    ...(idNumber ? { idNumber } : {}),
    ...(clean(v.phone) ? { phone: clean(v.phone) } : {}),
    ...(v.ethnicity ? { ethnicity: v.ethnicity } : {}),
    ...(v.hukouRegionCode ? { hukouRegionCode: v.hukouRegionCode } : {}),
    residenceRegionCode: v.residenceRegionCode,
    ...(clean(v.address) ? { address: clean(v.address) } : {}),
    ...(extra.motherId ? { motherId: extra.motherId } : {}),
  };
}

/**
 * The body of PATCH /people/:id: only what changed, with the version read. An empty ID number or phone means
 * "unchanged" (the form never holds the stored values, which are masked); switching to "no document" clears it.
 */
export function toUpdateInput(original: PersonDto, v: PersonFormData): PersonUpdateInput {
  const out: PersonUpdateInput = { version: original.version };
  if (v.name.trim() !== original.name) out.name = v.name.trim();
  if (v.sex !== original.sex) out.sex = v.sex;
  if (v.birthDate !== original.birthDate) out.birthDate = v.birthDate;
  const newId = clean(v.idNumber);
  if (v.idType !== original.idType) {
    out.idType = v.idType;
    if (v.idType !== 'none' && newId) out.idNumber = residentIdFacts(newId)?.normalized ?? newId;
  } else if (newId && v.idType !== 'none') {
    out.idNumber = v.idType === 'resident_id' ? (residentIdFacts(newId)?.normalized ?? newId) : newId.toUpperCase();
  }
  const phone = clean(v.phone);
  if (phone) out.phone = phone;
  if ((v.ethnicity ?? null) !== original.ethnicity && v.ethnicity) out.ethnicity = v.ethnicity;
  if ((v.hukouRegionCode ?? null) !== original.hukouRegionCode && v.hukouRegionCode) {
    out.hukouRegionCode = v.hukouRegionCode;
  }
  if (v.residenceRegionCode !== original.residenceRegionCode) out.residenceRegionCode = v.residenceRegionCode;
  const address = v.address?.trim() ?? '';
  if (address !== (original.address ?? '')) out.address = address;
  return out;
}
