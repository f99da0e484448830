import { v7 } from 'uuid';

/** What runs a parameterised statement: a MikroORM connection (`em.getConnection()`). */
interface Sql {
  execute(sql: string, params: unknown[]): Promise<unknown>;
}

export interface BulkFamily {
  readonly index: number;
  readonly email: string | null;
  readonly mobile: string | null;
}

/**
 * `n` pupils of one NC year, each with one contact of their own, written with multi-row inserts (for benchmarks
 * and large-send tests, where factories would take minutes). Contact `i` has an email only when
 * `hasEmail(i)`, else a mobile only. Returns each family's addresses.
 */
export async function insertFamilies(
  sql: Sql,
  schoolId: string,
  n: number,
  options: { readonly ncYear: number; readonly hasEmail: (i: number) => boolean; readonly tag?: string },
): Promise<BulkFamily[]> {
  const tag = options.tag ?? 'bulk';
  const families: BulkFamily[] = [];
  const rows = (count: number, width: number, extra = '') =>
    Array.from({ length: count }, () => `(${Array(width).fill('?').join(', ')}${extra})`).join(', ');
  for (let i = 0; i < n; i += 1000) {
    const pupils: unknown[] = [];
    const contacts: unknown[] = [];
    const links: unknown[] = [];
    const size = Math.min(1000, n - i);
    for (let j = i; j < i + size; j++) {
      const pupil = v7();
      const contact = v7();
      const email = options.hasEmail(j) ? `parent${j}.${tag}@example.test` : null;
      const mobile = email ? null : `+44770${String(j).padStart(7, '0')}`;
      families.push({ index: j, email, mobile });
      pupils.push(pupil, schoolId, `${tag}-p${j}`, `Kid${j}`, 'Bulk', `Kid${j}`, 'Bulk', options.ncYear);
      pupils.push(`Year ${options.ncYear}`, 'on_roll', 'fp');
      contacts.push(contact, schoolId, `${tag}-c${j}`, `Parent${j}`, 'Bulk');
      contacts.push(JSON.stringify(email ? [email] : []), JSON.stringify(mobile ? [mobile] : []), 1, 'fp');
      links.push(schoolId, pupil, contact, 'Mother', 1, 1, 1);
    }
    await sql.execute(
      `insert into pupils (id, school_id, mis_id, legal_forename, legal_surname, preferred_forename, preferred_surname, nc_year, year_group, enrolment, fingerprint, created_at, updated_at) values ${rows(size, 11, ', now(3), now(3)')}`,
      pupils,
    );
    await sql.execute(
      `insert into contacts (id, school_id, mis_id, forename, surname, emails, mobiles, active, fingerprint, created_at, updated_at) values ${rows(size, 9, ', now(3), now(3)')}`,
      contacts,
    );
    await sql.execute(
      `insert into pupil_contacts (school_id, pupil_id, contact_id, relationship, parental_responsibility, priority, lives_with_pupil) values ${rows(size, 7)}`,
      links,
    );
  }
  return families;
}
