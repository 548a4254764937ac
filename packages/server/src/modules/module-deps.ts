import type { Database, DatabaseHandle, Kysely } from '@fuyou/db';
import type { AnswerCache } from '../platform/answer-cache';
import type { AuditWriter } from '../platform/audit';
import type { AppConfig } from '../platform/config';
import type { FieldCrypto } from '../platform/crypto';
import type { JobQueue } from '../platform/jobs';
import type { RegionIndex } from '../platform/regions';
import type { PersonService } from './people/person.service';
import type { InstitutionService } from './platform/institution.service';

/** What a care module's services are built from. */
export interface ModuleDeps {
  db: Kysely<Database>;
  database: DatabaseHandle;
  audit: AuditWriter;
  config: AppConfig;
  crypto: FieldCrypto;
  regions: RegionIndex;
  people: PersonService;
  institutions: InstitutionService;
  /** Background jobs (register handlers at module creation; the server polls). */
  jobs: JobQueue;
  /** Answers of the worklists shared between users, dropped by writes (platform/answer-cache.ts). */
  answers: AnswerCache;
}
