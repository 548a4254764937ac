import { withScope } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { ModuleDeps } from '../module-deps';
import { daysBetween, today } from './child.common';
import { toCaseDto } from './case.service';
import { toCheckupDto } from './checkup.service';
import type { ProfileService } from './profile.service';
import type { createScreeningService } from './screening.service';
import { childSchedule, warningChecklist } from './child.rules';
import { openExposure } from './exposure.facts';
import { exposurePlan } from './exposure.service';

/** The child's page: birth summary, mother link, schedule, check-ups, cases (screenings are added by their service). */
export function createChildPageService(
  deps: ModuleDeps,
  profiles: ProfileService,
  screenings: ReturnType<typeof createScreeningService>,
) {
  const { db, audit, people, crypto } = deps;
  return {
    async get(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const { person, profile, mother, profileDto } = await profiles.loadWithMother(trx, personId);
        const [checkups, cases] = await Promise.all([
          trx
            .selectFrom('child_checkup')
            .selectAll()
            .where('county_code', '=', profile.county_code)
            .where('person_id', '=', personId)
            .orderBy('visit_date')
            .execute(),
          trx
            .selectFrom('child_case')
            .selectAll()
            .where('county_code', '=', profile.county_code)
            .where('person_id', '=', personId)
            .orderBy('proposed_on', 'desc')
            .execute(),
        ]);
        const screeningData = await screenings.forChildInTx(trx, person, profile);
        // exposure is shown only to users with the pmtct permission (restricted like the mother's results)
        const exposure = ctx.permissions.has('pmtct')
          ? await trx
              .selectFrom('exposed_infant')
              .selectAll()
              .where('county_code', '=', profile.county_code)
              .where('person_id', '=', personId)
              .executeTakeFirst()
          : undefined;
        await audit.read(trx, ctx, {
          action: 'child.read',
          entityType: 'child_profile',
          entityId: personId,
          personId,
          countyCode: profile.county_code,
        });
        const t = today();
        return {
          person: people.toDto(person),
          profile: profileDto,
          mother: mother ? { id: mother.id, name: mother.name, idNumberMasked: mother.id_number_masked } : null,
          ageDays: person.birth_date ? daysBetween(person.birth_date, t) : null,
          schedule: childSchedule({ person, profile, visits: checkups, today: t }),
          warningSigns: warningChecklist(person, profile, t),
          checkups: checkups.map(toCheckupDto),
          cases: cases.map((c) => toCaseDto(c, t)),
          screenings: screeningData,
          exposure: exposure ? exposurePlan(person, openExposure(crypto, exposure)) : null,
        };
      });
    },
  };
}
