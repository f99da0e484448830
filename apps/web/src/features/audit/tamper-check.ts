import type { paths } from '../../api/schema';

export type AuditVerification =
  paths['/api/v1/schools/{schoolId}/audit-records/verification']['get']['responses'][200]['content']['application/json'];

/** The tamper check's answer in a sentence staff can act on. */
export function verdictOf(v: AuditVerification): { intact: boolean; text: string } {
  const waiting =
    v.unsealed > 0
      ? ` ${v.unsealed} newer ${v.unsealed === 1 ? 'entry is' : 'entries are'} waiting to be sealed.`
      : '';
  if (v.intact) {
    return { intact: true, text: `Tamper check: chain intact (${v.sealed} sealed).${waiting}` };
  }
  const broken = v.firstBroken;
  if (!broken) {
    return { intact: false, text: 'Tamper check: the chain is broken.' };
  }
  const text =
    broken.reason === 'altered'
      ? `Tamper check failed: entry ${broken.chainSeq} (${broken.recordId}) was changed after it was recorded.`
      : broken.recordId
        ? `Tamper check failed: entry ${broken.chainSeq} was removed (just before ${broken.recordId}).`
        : `Tamper check failed: the newest entries, from entry ${broken.chainSeq}, were removed.`;
  return { intact: false, text: `${text} Tell your data protection officer.` };
}
