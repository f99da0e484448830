import { imul32, type SeededRandom } from './seeded-random';

const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * Wonde's UPI: a hash of the MIS id and the school, so it survives a change of Wonde id (re-enrolment).
 * Any stable 32-hex hash will do here (FNV-1a, four lanes).
 */
export function upiFor(schoolKey: string, misId: string): string {
  const text = `${schoolKey}:${misId}`;
  let out = '';
  for (let lane = 0; lane < 4; lane++) {
    let h = 0x811c9dc5 ^ (lane * 0x9e3779b1);
    for (let i = 0; i < text.length; i++) {
      h = imul32(h ^ text.charCodeAt(i), 0x01000193);
    }
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

/**
 * Identifiers in Wonde's shapes: ids like 'A1039521228', sequential MIS ids (unique across
 * people, as in SIMS), and UPNs with a valid DfE check letter.
 */
export class WondeIds {
  private readonly used = new Set<string>();
  private nextPersonMisId = 1000;
  private nextGroupMisId = 1;
  private nextUpnSerial: number;

  constructor(
    private readonly random: SeededRandom,
    private readonly laCode: string,
    private readonly establishment: string,
    /** For records added to an existing school: ids it already uses, and where its MIS ids end. */
    private readonly existing?: { readonly taken: (id: string) => boolean; readonly lastPersonMisId: number },
  ) {
    this.nextUpnSerial = random.int(100, 400);
    if (existing) {
      this.nextPersonMisId = existing.lastPersonMisId + 1;
    }
  }

  /** A Wonde object id, unique within the school. */
  id(): string {
    for (;;) {
      const candidate = `A${this.random.int(100_000_000, 2_147_483_647)}`;
      if (!this.used.has(candidate) && !this.existing?.taken(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
  }

  personMisId(): string {
    return String(this.nextPersonMisId++);
  }

  groupMisId(): string {
    return String(this.nextGroupMisId++);
  }

  /** A UPN: check letter, LA code, establishment number, two-digit year of allocation, serial. */
  upn(yearAllocated: number): string {
    const serial = String(this.nextUpnSerial++ % 1000).padStart(3, '0');
    const body = `${this.laCode}${this.establishment}${String(yearAllocated % 100).padStart(2, '0')}${serial}`;
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      sum += Number(body[i]) * (i + 2);
    }
    return `${UPN_CHECK_LETTERS[sum % 23]}${body}`;
  }
}
