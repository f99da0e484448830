import type { SchoolId } from '@rowan/kernel';
import type { Eligibility } from '../../domain/eligibility';

export interface EligiblePupil {
  readonly id: string;
  readonly forename: string;
  readonly surname: string;
  readonly ncYear: number | null;
  /** Pupil Premium or free school meals: may take a reserved place. */
  readonly mayTakeReserved: boolean;
}

/** The directory's pupils read for events: who the rules pick today. */
export abstract class EligiblePupils {
  abstract resolve(schoolId: SchoolId, rules: Eligibility): Promise<EligiblePupil[]>;
}
