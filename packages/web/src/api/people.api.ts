import { api } from './client';
import type { DuplicateCheckDto, IdType, Page, PersonDetailDto, PersonDto, Sex } from './types';

/** Body of POST /people. */
export interface PersonCreateInput {
  id?: string;
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
  motherId?: string | undefined;
}

/** Body of PATCH /people/:id (only the fields that change, plus the version read). */
export type PersonUpdateInput = Partial<Omit<PersonCreateInput, 'id' | 'motherId'>> & { version: number };

/** GET /people: search by ID number, name prefix or phone. */
export function searchPeople(q: string, page: number, pageSize: number): Promise<Page<PersonDto>> {
  return api.get('/people', { q, page, pageSize });
}

/** GET /people/duplicates before registering. */
export function checkDuplicates(f: {
  name?: string | undefined;
  birthDate?: string | undefined;
  phone?: string | undefined;
  idNumber?: string | undefined;
}): Promise<DuplicateCheckDto> {
  return api.get('/people/duplicates', f);
}

/** POST /people. */
export function createPerson(input: PersonCreateInput): Promise<PersonDto> {
  return api.post('/people', input);
}

/** GET /people/:id. */
export function getPerson(id: string): Promise<PersonDetailDto> {
  return api.get(`/people/${encodeURIComponent(id)}`);
}

/** PATCH /people/:id. */
export function updatePerson(id: string, input: PersonUpdateInput): Promise<PersonDto> {
  return api.patch(`/people/${encodeURIComponent(id)}`, input);
}

/** POST /people/:id/reveal: the full ID number or phone (an audited action). */
export function revealField(id: string, field: 'idNumber' | 'phone'): Promise<{ value: string | null }> {
  return api.post(`/people/${encodeURIComponent(id)}/reveal`, { field });
}

/** POST /people/:id/transfer to another county. */
export function transferPerson(
  id: string,
  input: { toResidenceRegionCode: string; address?: string | undefined; reason: string; version: number },
): Promise<PersonDto> {
  return api.post(`/people/${encodeURIComponent(id)}/transfer`, input);
}
