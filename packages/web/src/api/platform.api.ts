import { api, request } from './client';
import type {
  Capability,
  InstitutionDto,
  InstitutionLevel,
  InstitutionType,
  Page,
  RegionChildrenDto,
  RegionDetailDto,
  RegionDto,
  Role,
  UserDto,
} from './types';

/** GET /regions?parent=: the children of a region (the provinces without a parent). */
export function regionChildren(parent?: string): Promise<RegionChildrenDto> {
  return api.get('/regions', { parent });
}

/** GET /regions?q=: regions whose name matches. */
export function searchRegions(q: string): Promise<{ items: RegionDto[] }> {
  return api.get('/regions', { q });
}

/** GET /regions/:code. */
export function getRegion(code: string): Promise<RegionDetailDto> {
  return api.get(`/regions/${encodeURIComponent(code)}`);
}

/** Filters of GET /institutions. */
export interface InstitutionFilter {
  q?: string | undefined;
  countyCode?: string | undefined;
  type?: InstitutionType | undefined;
  capability?: Capability | undefined;
  active?: 'true' | 'false' | undefined;
  page?: number;
  pageSize?: number;
}

/** Body of POST /institutions. */
export interface InstitutionInput {
  code: string;
  name: string;
  type: InstitutionType;
  level?: InstitutionLevel | null;
  regionCode: string;
  capabilities: Capability[];
  address?: string | undefined;
  phone?: string | undefined;
}

/** GET /institutions. */
export function listInstitutions(f: InstitutionFilter): Promise<Page<InstitutionDto>> {
  return api.get('/institutions', { ...f });
}

/** POST /institutions. */
export function createInstitution(input: InstitutionInput): Promise<InstitutionDto> {
  return api.post('/institutions', input);
}

/** PATCH /institutions/:id (also deactivates with `active: false`). */
export function updateInstitution(
  id: string,
  input: Partial<InstitutionInput> & { version: number; active?: boolean },
): Promise<InstitutionDto> {
  return api.patch(`/institutions/${encodeURIComponent(id)}`, input);
}

/** Filters of GET /users. */
export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  page?: number;
  pageSize?: number;
}

/** Body of POST /users. */
export interface UserCreateInput {
  username: string;
  displayName: string;
  role: Role;
  institutionId?: string | null;
  jurisdictionCode?: string | null;
  permissions: string[];
  password?: string | undefined;
}

/** GET /users. */
export function listUsers(f: UserFilter): Promise<Page<UserDto>> {
  return api.get('/users', { ...f });
}

/** POST /users: answers the one-time password when none was given. */
export function createUser(input: UserCreateInput): Promise<{ user: UserDto; initialPassword?: string }> {
  return api.post('/users', input);
}

/** PATCH /users/:id. */
export function updateUser(
  id: string,
  input: {
    displayName?: string;
    role?: Role;
    institutionId?: string | null;
    jurisdictionCode?: string | null;
    permissions?: string[];
    disabled?: boolean;
    version: number;
  },
): Promise<UserDto> {
  return api.patch(`/users/${encodeURIComponent(id)}`, input);
}

/** POST /users/:id/reset-password: a new one-time password. */
export function resetUserPassword(id: string): Promise<{ password: string }> {
  return api.post(`/users/${encodeURIComponent(id)}/reset-password`);
}

/** A region's altitude: its own value and the one it takes (nearest region up with one). */
export interface RegionAltitudeDto {
  code: string;
  altitudeM: number | null;
  effective: { code: string; altitudeM: number } | null;
}

/** GET /regions/:code/altitude. */
export function regionAltitude(code: string): Promise<RegionAltitudeDto> {
  return api.get(`/regions/${code}/altitude`);
}

/** PUT /regions/:code/altitude (institution.manage): metres, or null to take the parent's. */
export function setRegionAltitude(code: string, altitudeM: number | null): Promise<{ code: string }> {
  return request('PUT', `/regions/${code}/altitude`, { body: { altitudeM } });
}
