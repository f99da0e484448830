import { EntitySchema } from '@mikro-orm/core';
import { SchoolEvent } from '@rowan/events';

/** Events as entities; invitations and bookings are rows written by conditional statements (mikro-orm-booking.store). */
export const EventSchema = new EntitySchema<SchoolEvent>({
  class: SchoolEvent,
  name: 'Event',
  tableName: 'events',
  indexes: [{ properties: ['schoolId', 'id'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    trustId: { type: 'string', length: 36 },
    kind: { type: 'string', length: 20 },
    title: { type: 'string', length: 200 },
    description: { type: 'text' },
    startsAt: { type: 'datetime', length: 3 },
    endsAt: { type: 'datetime', length: 3, nullable: true },
    sessions: { type: 'json' },
    capacity: { type: 'integer' },
    reservedPlaces: { type: 'integer' },
    taken: { type: 'integer' },
    priceP: { type: 'integer', nullable: true, fieldName: 'price_p' },
    priceUnit: { type: 'string', length: 10, nullable: true },
    bookingCutoff: { type: 'datetime', length: 3, nullable: true },
    priorityBookingUntil: { type: 'datetime', length: 3, nullable: true },
    eligibility: { type: 'json' },
    status: { type: 'string', length: 12 },
    invitationMessageId: { type: 'string', length: 36, nullable: true },
    createdBy: { type: 'string', length: 36 },
    createdAt: { type: 'datetime', length: 3 },
    updatedAt: { type: 'datetime', length: 3 },
  },
});
