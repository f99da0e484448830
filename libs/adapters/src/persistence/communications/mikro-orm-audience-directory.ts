import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { AudienceDirectory, type DirectoryAudience, type Recipient } from '@rowan/communications';
import type { SchoolId } from '@rowan/kernel';
import { selectRows } from '../directory/bulk-sql';
import { pupilMatch } from './pupil-match.sql';

type ContactAudience = Extract<DirectoryAudience, { kind: 'contacts' }>;
type PupilAudience = Extract<DirectoryAudience, { kind: 'pupils' }>;

interface LinkRow {
  readonly contact_id: string;
  readonly pupil_id: string;
  readonly forename: string;
  readonly parental_responsibility: number;
  readonly priority: number;
}

interface ContactRow {
  readonly id: string;
  readonly title: string | null;
  readonly forename: string;
  readonly surname: string;
  readonly emails: string | string[];
  readonly mobiles: string | string[];
  readonly app_user_id: string | null;
}

const list = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');
const json = (v: string | string[]): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);

/**
 * The directory's tables read for communications (an adapter may read across contexts' tables; the contexts
 * themselves stay apart). One recipient per contact, naming every matching child; addresses are the first
 * email and mobile the MIS lists; the app when their parent membership of the school is active. Pupils get one
 * recipient each, with their school email as their only address.
 */
@Injectable()
export class MikroOrmAudienceDirectory extends AudienceDirectory {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async schoolName(schoolId: SchoolId): Promise<string> {
    const [row] = await selectRows<{ name: string }>(this.em, 'select name from schools where id = ?', [
      schoolId,
    ]);
    return row?.name ?? '';
  }

  async resolve(schoolId: SchoolId, audience: DirectoryAudience): Promise<Recipient[]> {
    switch (audience.kind) {
      case 'staff':
        return this.staff(schoolId, audience.staffIds);
      case 'pupils':
        return this.pupils(schoolId, audience);
      case 'contacts':
        return this.contacts(schoolId, audience);
    }
  }

  private async staff(schoolId: SchoolId, ids: readonly string[]): Promise<Recipient[]> {
    const rows = await selectRows<{
      id: string;
      title: string | null;
      forename: string;
      surname: string;
      email: string | null;
    }>(
      this.em,
      `select id, title, forename, surname, email from staff_members where school_id = ? and active = 1 ${ids.length ? `and id in (${list(ids)})` : ''} order by surname, forename, id`,
      [schoolId, ...ids],
    );
    return rows.map((s) => ({
      kind: 'staff',
      personId: s.id,
      title: s.title,
      forename: s.forename,
      surname: s.surname,
      children: [],
      appUserId: null,
      email: s.email,
      mobile: null,
    }));
  }

  /** One recipient per pupil, by their own school email only: no app account, no texts to children. */
  private async pupils(schoolId: SchoolId, a: PupilAudience): Promise<Recipient[]> {
    const match = pupilMatch(a);
    const rows = await selectRows<{ id: string; forename: string; surname: string; email: string | null }>(
      this.em,
      `select p.id, p.preferred_forename as forename, p.preferred_surname as surname, p.email from pupils p
        where p.school_id = ? ${match.sql}
        order by p.preferred_surname, p.preferred_forename, p.id`,
      [schoolId, ...match.params],
    );
    return rows.map((p) => ({
      kind: 'pupil',
      personId: p.id,
      title: null,
      forename: p.forename,
      surname: p.surname,
      children: [],
      appUserId: null,
      email: p.email,
      mobile: null,
    }));
  }

  private async contacts(schoolId: SchoolId, a: ContactAudience): Promise<Recipient[]> {
    const match = pupilMatch(a);
    const links = await selectRows<LinkRow>(
      this.em,
      `select l.contact_id, l.pupil_id, p.preferred_forename as forename, l.parental_responsibility, l.priority
         from pupils p
         join pupil_contacts l on l.pupil_id = p.id and l.school_id = p.school_id
         join contacts c on c.id = l.contact_id and c.active = 1
        where p.school_id = ? ${match.sql}
        order by p.date_of_birth, p.preferred_forename, p.id, l.priority`,
      [schoolId, ...match.params],
    );
    const chosen = chooseContacts(links, a.contacts);
    if (chosen.size === 0) {
      return [];
    }
    const ids = [...chosen.keys()];
    const contacts = await selectRows<ContactRow>(
      this.em,
      `select c.id, c.title, c.forename, c.surname, c.emails, c.mobiles,
              (select m.user_id from memberships m where m.user_id = c.user_id and m.school_id = c.school_id
                  and m.role = 'parent' and m.status = 'active' limit 1) as app_user_id
         from contacts c where c.school_id = ? and c.id in (${list(ids)}) order by c.surname, c.forename, c.id`,
      [schoolId, ...ids],
    );
    return contacts.map((c) => ({
      kind: 'contact',
      personId: c.id,
      title: c.title,
      forename: c.forename,
      surname: c.surname,
      children: chosen.get(c.id) ?? [],
      appUserId: c.app_user_id,
      email: json(c.emails)[0] ?? null,
      mobile: json(c.mobiles)[0] ?? null,
    }));
  }
}

/** Contact id → the children (forenames) they are chosen for, by the audience's contact rule. */
function chooseContacts(links: readonly LinkRow[], rule: ContactAudience['contacts']): Map<string, string[]> {
  const byPupil = new Map<string, LinkRow[]>();
  links.forEach((l) => byPupil.set(l.pupil_id, [...(byPupil.get(l.pupil_id) ?? []), l]));
  const chosen = new Map<string, string[]>();
  for (const pupilLinks of byPupil.values()) {
    const withPr = pupilLinks.filter((l) => Number(l.parental_responsibility) === 1);
    const pool = withPr.length ? withPr : pupilLinks;
    const picked = rule === 'all' ? pupilLinks : rule === 'parental_responsibility' ? pool : pool.slice(0, 1);
    for (const l of picked) {
      const children = chosen.get(l.contact_id) ?? [];
      if (!children.includes(l.forename)) {
        children.push(l.forename);
      }
      chosen.set(l.contact_id, children);
    }
  }
  return chosen;
}
