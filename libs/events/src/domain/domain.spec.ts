import type { SchoolId, TrustId, UserId } from '@rowan/kernel';
import { holdsPlace, nextState } from './booking';
import { isEligible, mayTakeReservedPlace, type Eligibility } from './eligibility';
import { SchoolEvent, type EventDetails } from './event';

const rules = (r: Partial<Eligibility>): Eligibility => ({
  ncYears: [],
  groupIds: [],
  pupilIds: [],
  characteristics: [],
  ...r,
});
const pupil = { id: 'p1', ncYear: 5, groupIds: ['g1'], characteristics: ['pupil_premium' as const] };

describe('eligibility', () => {
  it('picks pupils by year, group or name; none of those is the whole school', () => {
    expect(isEligible(rules({}), pupil)).toBe(true);
    expect(isEligible(rules({ ncYears: [5] }), pupil)).toBe(true);
    expect(isEligible(rules({ ncYears: [6] }), pupil)).toBe(false);
    expect(isEligible(rules({ ncYears: [6], groupIds: ['g1'] }), pupil)).toBe(true);
    expect(isEligible(rules({ ncYears: [6], pupilIds: ['p1'] }), pupil)).toBe(true);
  });

  it('narrows by any of the characteristics', () => {
    expect(isEligible(rules({ ncYears: [5], characteristics: ['pupil_premium'] }), pupil)).toBe(true);
    expect(isEligible(rules({ ncYears: [5], characteristics: ['sen', 'free_school_meals'] }), pupil)).toBe(
      false,
    );
  });

  it('keeps reserved places for Pupil Premium and FSM pupils only', () => {
    expect(mayTakeReservedPlace(['pupil_premium'])).toBe(true);
    expect(mayTakeReservedPlace(['free_school_meals'])).toBe(true);
    expect(mayTakeReservedPlace(['sen'])).toBe(false);
  });
});

describe('booking state machine', () => {
  it('moves as a booking may', () => {
    expect(nextState('confirmed', 'cancel')).toBe('cancelled');
    expect(nextState('waitlisted', 'cancel')).toBe('cancelled');
    expect(nextState('offered', 'accept')).toBe('confirmed');
    expect(nextState('offered', 'expire')).toBe('cancelled');
  });

  it('refuses what it may not do, with a stable code', () => {
    expect(() => nextState('confirmed', 'accept')).toThrow(
      expect.objectContaining({ code: 'EVENTS.BOOKING_STATE' }),
    );
    expect(() => nextState('cancelled', 'cancel')).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => nextState('waitlisted', 'expire')).toThrow();
  });

  it('counts confirmed and offered bookings as holding a place', () => {
    expect(['confirmed', 'waitlisted', 'offered', 'cancelled'].filter((s) => holdsPlace(s as never))).toEqual(
      ['confirmed', 'offered'],
    );
  });
});

describe('an event', () => {
  const at = new Date('2026-12-01T09:00:00Z');
  const trip: EventDetails = {
    kind: 'trip',
    title: 'Museum trip',
    description: '',
    startsAt: new Date('2027-01-10T09:00:00Z'),
    endsAt: new Date('2027-01-10T15:00:00Z'),
    sessions: [],
    capacity: 30,
    reservedPlaces: 5,
    priceP: 1200,
    bookingCutoff: new Date('2027-01-05T17:00:00Z'),
    eligibility: rules({ ncYears: [5] }),
  };
  const ids = { id: 'e1', schoolId: 's1' as SchoolId, trustId: 't1' as TrustId, by: 'u1' as UserId };

  it('names each field at fault', () => {
    expect(() =>
      SchoolEvent.create(ids, { ...trip, endsAt: trip.startsAt, reservedPlaces: 31, title: ' ' }, at),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: [
          { field: 'title', message: 'must not be empty' },
          { field: 'endsAt', message: 'a trip ends after it starts' },
          { field: 'reservedPlaces', message: 'cannot be more than the capacity' },
        ],
      }),
    );
    expect(() => SchoolEvent.create(ids, { ...trip, kind: 'club', sessions: [] }, at)).toThrow(
      expect.objectContaining({
        fieldErrors: [{ field: 'sessions', message: 'a club has at least one session' }],
      }),
    );
  });

  it('is edited only as a draft and booked only until the cut-off', () => {
    const event = SchoolEvent.create(ids, trip, at);
    event.edit({ capacity: 40 }, at);
    expect(event.capacity).toBe(40);
    expect(event.bookable(at)).toBe(false);
    event.status = 'published';
    expect(event.bookable(at)).toBe(true);
    expect(event.bookable(new Date('2027-01-06T00:00:00Z'))).toBe(false);
    expect(() => event.edit({ capacity: 10 }, at)).toThrow(
      expect.objectContaining({ code: 'EVENTS.NOT_EDITABLE' }),
    );
  });
});

describe('early booking for Pupil Premium and free-school-meals pupils', () => {
  const ids = { id: 'e1', schoolId: 's1' as SchoolId, trustId: 't1' as TrustId, by: 'u1' as UserId };
  const at = new Date('2026-11-01T09:00:00Z');
  const until = new Date('2026-11-03T18:00:00Z');
  const trip: EventDetails = {
    kind: 'trip',
    title: 'Zoo',
    description: '',
    startsAt: new Date('2026-12-01T09:00:00Z'),
    endsAt: new Date('2026-12-01T15:00:00Z'),
    sessions: [],
    capacity: 30,
    reservedPlaces: 0,
    priceP: 1200,
    bookingCutoff: new Date('2026-11-20T17:00:00Z'),
    priorityBookingUntil: until,
    eligibility: rules({}),
  };

  it('keeps other pupils waiting until the window ends, and lets the eligible book at once', () => {
    const event = SchoolEvent.create(ids, trip, at);
    expect(event.opensFor(false, at)).toEqual(until);
    expect(event.opensFor(true, at)).toBeNull();
    expect(event.opensFor(false, until)).toBeNull();
  });

  it('must end before the cut-off and the event', () => {
    expect(() => SchoolEvent.create(ids, { ...trip, priorityBookingUntil: trip.bookingCutoff }, at)).toThrow(
      expect.objectContaining({
        fieldErrors: [{ field: 'priorityBookingUntil', message: 'must be before the booking cut-off' }],
      }),
    );
  });

  it('prices a trip per trip and a club per term unless it says per session', () => {
    expect(SchoolEvent.create(ids, trip, at).priceUnit).toBe('event');
    const club = { ...trip, kind: 'club' as const, sessions: [trip.startsAt], priorityBookingUntil: null };
    expect(SchoolEvent.create(ids, club, at).priceUnit).toBe('term');
    expect(SchoolEvent.create(ids, { ...club, priceUnit: 'session' }, at).priceUnit).toBe('session');
    expect(SchoolEvent.create(ids, { ...club, priceP: null }, at).priceUnit).toBeNull();
    expect(() => SchoolEvent.create(ids, { ...trip, priceUnit: 'term' }, at)).toThrow(
      expect.objectContaining({
        fieldErrors: [{ field: 'priceUnit', message: 'a trip is priced per trip' }],
      }),
    );
  });
});
