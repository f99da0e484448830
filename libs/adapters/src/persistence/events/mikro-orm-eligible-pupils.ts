import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { EligiblePupils, type EligiblePupil, type Eligibility } from '@rowan/events';
import type { SchoolId } from '@rowan/kernel';
import { pupilMatch } from '../communications/pupil-match.sql';
import { selectRows } from '../directory/bulk-sql';

/**
 * The directory's pupils read for events, with the same matching as a message audience (the shared
 * `pupilMatch`), and whether each has Pupil Premium or free school meals now (for reserved places).
 */
@Injectable()
export class MikroOrmEligiblePupils extends EligiblePupils {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async resolve(schoolId: SchoolId, rules: Eligibility): Promise<EligiblePupil[]> {
    const match = pupilMatch(rules);
    const rows = await selectRows<{
      id: string;
      preferred_forename: string;
      preferred_surname: string;
      nc_year: number | null;
      reserved: number;
    }>(
      this.em,
      `select p.id, p.preferred_forename, p.preferred_surname, p.nc_year,
              exists (select 1 from pupil_characteristics pc where pc.pupil_id = p.id and pc.school_id = p.school_id
                       and pc.effective_to is null and pc.value <> 'none'
                       and pc.kind in ('pupil_premium', 'free_school_meals')) as reserved
         from pupils p where p.school_id = ? ${match.sql}
        order by p.nc_year, p.preferred_surname, p.preferred_forename, p.id`,
      [schoolId, ...match.params],
    );
    return rows.map((r) => ({
      id: r.id,
      forename: r.preferred_forename,
      surname: r.preferred_surname,
      ncYear: r.nc_year,
      mayTakeReserved: Number(r.reserved) === 1,
    }));
  }
}
