import type { TrustId } from '@rowan/kernel';

/** A multi-academy trust; a standalone school is a trust of one. */
export class Trust {
  constructor(
    readonly id: TrustId,
    public name: string,
    readonly createdAt: Date,
  ) {}
}
