import type { BookingState } from './booking';
import type { ConsentState } from './consent';
import { SchoolEvent } from './event';
import { hasInvitees, inviteeMatches, INVITEE_FILTERS, type Invitee, type InviteeFilter } from './invitees';
import type { SchoolId, TrustId, UserId } from '@rowan/kernel';

const invitee = (booking: Invitee['booking'], consent: ConsentState = 'not_needed'): Invitee => ({
  pupilId: `p-${booking ?? 'none'}-${consent}`,
  booking,
  consent,
});

const matching = (filter: InviteeFilter, invitees: readonly Invitee[]) =>
  invitees.filter((i) => inviteeMatches(filter, i)).map((i) => i.booking);

describe('event invitees for messages', () => {
  const live: Array<Exclude<BookingState, 'cancelled'> | null> = ['confirmed', 'waitlisted', 'offered', null];
  const everyone = live.map((b) => invitee(b));

  it('splits every invitee into booked, waitlisted (offered or not) and not responded, once each', () => {
    expect(matching('all', everyone)).toEqual(live);
    expect(matching('booked', everyone)).toEqual(['confirmed']);
    expect(matching('waitlisted', everyone)).toEqual(['waitlisted', 'offered']);
    expect(matching('not_responded', everyone)).toEqual([null]);
    const parts = (['booked', 'waitlisted', 'not_responded'] as const).flatMap((f) => matching(f, everyone));
    expect(parts.sort()).toEqual([...live].sort());
  });

  it('finds consent outstanding only for those holding a place whose consent is missing or stale', () => {
    const cases: Array<[Invitee['booking'], ConsentState, boolean]> = [
      ['confirmed', 'missing', true],
      ['confirmed', 'stale', true],
      ['offered', 'missing', true],
      ['confirmed', 'given', false],
      ['confirmed', 'not_needed', false],
      ['waitlisted', 'missing', false],
      [null, 'missing', false],
    ];
    for (const [booking, consent, outstanding] of cases) {
      expect([booking, consent, inviteeMatches('consent_outstanding', invitee(booking, consent))]).toEqual([
        booking,
        consent,
        outstanding,
      ]);
    }
  });

  it('has a rule for every filter', () => {
    for (const filter of INVITEE_FILTERS) {
      expect(typeof inviteeMatches(filter, invitee(null))).toBe('boolean');
    }
  });

  it('messages the invitees of published or called-off trips and clubs only', () => {
    const event = (kind: SchoolEvent['kind'], status: SchoolEvent['status']) =>
      new SchoolEvent(
        'e1',
        's1' as SchoolId,
        't1' as TrustId,
        kind,
        'Trip',
        '',
        new Date('2030-06-01T09:00:00Z'),
        null,
        [],
        10,
        0,
        null,
        null,
        { ncYears: [], groupIds: [], pupilIds: [], characteristics: [] },
        status,
        null,
        'u1' as UserId,
        new Date(),
        new Date(),
      );
    expect(hasInvitees(event('trip', 'published'))).toBe(true);
    expect(hasInvitees(event('club', 'cancelled'))).toBe(true);
    expect(hasInvitees(event('trip', 'draft'))).toBe(false);
    expect(hasInvitees(event('parents_evening', 'published'))).toBe(false);
  });
});
