import type { DirectoryAudience } from '@rowan/communications';

type PupilRules = Pick<
  Extract<DirectoryAudience, { kind: 'contacts' | 'pupils' }>,
  'ncYears' | 'groupIds' | 'pupilIds' | 'characteristics'
>;

const list = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');

/**
 * The SQL (over `pupils p`, after `p.school_id = ?`) that picks an audience's pupils on roll: by year, group
 * (including registration classes) or name, any of them (none of them is the whole school), then narrowed to
 * pupils with any of the characteristics. The params follow the school id.
 */
export function pupilMatch(a: PupilRules): { readonly sql: string; readonly params: unknown[] } {
  const selectors: string[] = [];
  const params: unknown[] = [];
  if (a.ncYears.length) {
    selectors.push(`p.nc_year in (${list(a.ncYears)})`);
    params.push(...a.ncYears);
  }
  if (a.groupIds.length) {
    selectors.push(
      `p.id in (select gm.pupil_id from group_members gm where gm.school_id = p.school_id and gm.group_id in (${list(a.groupIds)}))`,
    );
    params.push(...a.groupIds);
  }
  if (a.pupilIds.length) {
    selectors.push(`p.id in (${list(a.pupilIds)})`);
    params.push(...a.pupilIds);
  }
  let characteristics = '';
  if (a.characteristics.length) {
    characteristics = `and exists (select 1 from pupil_characteristics pc where pc.pupil_id = p.id and pc.school_id = p.school_id and pc.effective_to is null and pc.value <> 'none' and pc.kind in (${list(a.characteristics)}))`;
    params.push(...a.characteristics);
  }
  const sql = `and p.enrolment = 'on_roll' ${selectors.length ? `and (${selectors.join(' or ')})` : ''} ${characteristics}`;
  return { sql, params };
}
