import { ValidationFailed, type SchoolId, type TrustId } from '@rowan/kernel';

/** A school in a trust. `urn` is the Department for Education's unique reference number (6 digits). */
export class School {
  constructor(
    readonly id: SchoolId,
    readonly trustId: TrustId,
    public name: string,
    readonly urn: string,
    readonly createdAt: Date,
  ) {}

  static validateUrn(urn: string): string {
    const trimmed = urn.trim();
    if (!/^\d{6}$/.test(trimmed)) {
      throw new ValidationFailed('A URN is six digits', [
        { field: 'urn', message: 'must be six digits, e.g. 100000' },
      ]);
    }
    return trimmed;
  }
}
