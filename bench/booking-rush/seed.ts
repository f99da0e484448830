import type { MikroORM } from '@mikro-orm/mysql';
import { School, Trust } from '@rowan/directory';
import type { SchoolId, TrustId } from '@rowan/kernel';
import { v7 } from 'uuid';
import { insertFamilies } from '../../scripts/lib/bulk-families';

export interface RushFamily {
  readonly pupilId: string;
  readonly email: string;
  readonly subject: string;
}

/** A school with communication settings and a school admin (whose identity subject is returned). */
export async function seedSchool(
  orm: MikroORM,
): Promise<{ school: School; admin: { subject: string; email: string } }> {
  const em = orm.em.fork();
  const trust = new Trust(v7() as TrustId, 'Bench Trust', new Date());
  const school = new School(v7() as SchoolId, trust.id, 'Bench Academy', '100001', new Date());
  await em.persist([trust, school]).flush();
  const sql = em.getConnection();
  await sql.execute(
    `insert into communication_settings (school_id, fallback_after_minutes, quiet_start, quiet_end, sms_budget_pence, approval_threshold, sms_segment_pence, updated_at) values (?, 240, null, null, null, null, 4, now(3))`,
    [school.id],
  );
  const admin = { id: v7(), subject: v7(), email: 'bench-admin@example.test' };
  await sql.execute(
    "insert into users (id, email, given_name, family_name, identity_subject, created_at, updated_at) values (?, ?, 'Bench', 'Admin', ?, now(3), now(3))",
    [admin.id, admin.email, admin.subject],
  );
  await sql.execute(
    "insert into memberships (id, user_id, trust_id, school_id, scope_key, role, status, created_at, updated_at) values (?, ?, ?, ?, ?, 'school_admin', 'active', now(3), now(3))",
    [v7(), admin.id, trust.id, school.id, school.id],
  );
  return { school, admin };
}

/**
 * `n` Year 5 pupils, each with one parent who has a Rowan account (a user, an active parent membership and the
 * contact linked to the user), written with multi-row inserts.
 */
export async function seedFamilies(
  orm: MikroORM,
  school: { readonly id: string; readonly trustId: string },
  n: number,
): Promise<RushFamily[]> {
  const sql = orm.em.fork().getConnection();
  const tag = `rush${Date.now().toString(36)}`;
  const families = await insertFamilies(sql, school.id, n, { ncYear: 5, hasEmail: () => true, tag });
  const pupils = (await sql.execute('select id, mis_id from pupils where school_id = ?', [
    school.id,
  ])) as Array<{
    id: string;
    mis_id: string;
  }>;
  const pupilOf = new Map(pupils.map((p) => [p.mis_id, p.id]));
  const out: RushFamily[] = [];
  for (let i = 0; i < families.length; i += 1000) {
    const chunk = families.slice(i, i + 1000);
    const users: unknown[] = [];
    const memberships: unknown[] = [];
    for (const f of chunk) {
      const id = v7();
      const subject = v7();
      users.push(id, f.email, `Parent${f.index}`, 'Bulk', subject);
      memberships.push(v7(), id, school.trustId, school.id, school.id);
      out.push({ pupilId: pupilOf.get(`${tag}-p${f.index}`)!, email: f.email!, subject });
    }
    await sql.execute(
      `insert into users (id, email, given_name, family_name, identity_subject, created_at, updated_at) values ${chunk.map(() => '(?, ?, ?, ?, ?, now(3), now(3))').join(', ')}`,
      users,
    );
    await sql.execute(
      `insert into memberships (id, user_id, trust_id, school_id, scope_key, role, status, created_at, updated_at) values ${chunk.map(() => "(?, ?, ?, ?, ?, 'parent', 'active', now(3), now(3))").join(', ')}`,
      memberships,
    );
  }
  await sql.execute(
    `update contacts c join users u on u.email = json_unquote(json_extract(c.emails, '$[0]'))
        set c.user_id = u.id where c.school_id = ?`,
    [school.id],
  );
  return out;
}
