/**
 * Names for the API's shapes, read from the generated `schema.d.ts` by path, so pages never
 * depend on the schema names @nestjs/swagger picks. When `npm run gen:api` changes a shape,
 * this is the one file to adjust.
 */
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Op> = Op extends { responses: infer R }
  ? 200 extends keyof R
    ? Json<R[200]>
    : 201 extends keyof R
      ? Json<R[201]>
      : never
  : never;
type Body<Op> = Op extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
type Items<T> = T extends { items: Array<infer Item> } ? Item : never;

export type Me = Ok<paths['/api/v1/me']['get']>;
export type MeMembership = Me['memberships'][number];
export type Role = MeMembership['role'];
export type MembershipStatus = MeMembership['status'];

export type Trust = Items<Ok<paths['/api/v1/trusts']['get']>>;
export type CreateTrustInput = Body<paths['/api/v1/trusts']['post']>;

export type School = Ok<paths['/api/v1/schools/{schoolId}']['get']>;
export type CreateSchoolInput = Body<paths['/api/v1/trusts/{trustId}/schools']['post']>;

export type Membership = Items<Ok<paths['/api/v1/schools/{schoolId}/memberships']['get']>>;
export type InviteStaffInput = Body<paths['/api/v1/schools/{schoolId}/memberships']['post']>;
export type StaffRole = InviteStaffInput['role'];

export type AuditRecord = Items<Ok<paths['/api/v1/schools/{schoolId}/audit-records']['get']>>;

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
