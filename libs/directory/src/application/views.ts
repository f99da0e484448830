import type { School } from '../domain/school';
import type { Trust } from '../domain/trust';

export interface TrustView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
}

export interface SchoolView {
  readonly id: string;
  readonly trustId: string;
  readonly name: string;
  readonly urn: string;
  readonly createdAt: Date;
}

export const toTrustView = (t: Trust): TrustView => ({ id: t.id, name: t.name, createdAt: t.createdAt });
export const toSchoolView = (s: School): SchoolView => ({
  id: s.id,
  trustId: s.trustId,
  name: s.name,
  urn: s.urn,
  createdAt: s.createdAt,
});
