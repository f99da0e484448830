import type { Actor } from '@rowan/access';

export interface OwnChild {
  readonly id: string;
  readonly schoolId: string;
  readonly forename: string;
  readonly surname: string;
  readonly yearGroup: string | null;
  /** The parent has parental responsibility for this child (separated parents' own bookings depend on it). */
  readonly parentalResponsibility: boolean;
}

/** The signed-in parent's own children (the directory decides who they are). */
export abstract class Guardianship {
  abstract childrenOf(actor: Actor): Promise<OwnChild[]>;
}
