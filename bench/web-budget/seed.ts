import FusionAuthClient from '@fusionauth/typescript-client';
import type { MikroORM } from '@mikro-orm/mysql';
import { DEMO_PASSWORD, type IdentityStandIn } from '@rowan/sandbox';
import { seedFamilies, seedSchool } from '../booking-rush/seed';

export interface BenchParent {
  readonly email: string;
  readonly password: string;
}

export interface IdentityAccess {
  readonly identity: IdentityStandIn;
  readonly applicationId: string;
  readonly tenantId: string;
  readonly apiKey: string;
}

/**
 * A school with one Year 5 family whose parent can sign in through the identity stand-in's pages (registered
 * there under their Rowan user's subject), and a trip and a club published to Year 5 through the API, so the
 * parent's Invitations page has a child with two events to book.
 */
export async function seedInvitedParent(
  orm: MikroORM,
  api: URL,
  access: IdentityAccess,
): Promise<BenchParent> {
  const { school, admin } = await seedSchool(orm);
  const [family] = await seedFamilies(orm, school, 1);
  if (!family) {
    throw new Error('seedFamilies made no family');
  }
  const fusionAuth = new FusionAuthClient(access.apiKey, access.identity.issuer, access.tenantId);
  await fusionAuth.register(family.subject, {
    user: { email: family.email, firstName: 'Bench', lastName: 'Parent', password: DEMO_PASSWORD },
    registration: { applicationId: access.applicationId },
  });

  const token = await access.identity.mintToken({ userId: admin.subject, email: admin.email });
  const events = `/api/v1/schools/${school.id}/events`;
  const day = 86_400_000;
  const at = (days: number, hour: number) => {
    const d = new Date(Date.now() + days * day);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  const trip = await post<{ id: string }>(api, token, events, {
    kind: 'trip',
    title: 'Year 5 trip to the Science Museum',
    description: 'Coach from school at 8:45, back by 15:30. Bring a packed lunch.',
    startsAt: at(21, 8),
    endsAt: at(21, 15),
    capacity: 30,
    priceP: 1850,
    eligibility: { ncYears: [5] },
  });
  const club = await post<{ id: string }>(api, token, events, {
    kind: 'club',
    title: 'Chess club (Years 3 to 6)',
    description: 'Tuesdays after school in the library, 15:20 to 16:20.',
    sessions: [7, 14, 21, 28, 35].map((d) => at(d, 15)),
    capacity: 16,
    eligibility: { ncYears: [3, 4, 5, 6] },
  });
  for (const event of [trip, club]) {
    await post(api, token, `${events}/${event.id}/publish`, {});
  }
  return { email: family.email, password: DEMO_PASSWORD };
}

async function post<T>(base: URL, token: string, path: string, body: object): Promise<T> {
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) {
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}
