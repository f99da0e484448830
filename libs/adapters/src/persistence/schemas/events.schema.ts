import { EntitySchema, Type } from '@mikro-orm/core';
import type { PaymentTerms } from '@rowan/events';
import { SchoolEvent } from '@rowan/events';

/** Payment terms as JSON, with the balance's due date read back as a Date. */
class PaymentTermsType extends Type<PaymentTerms | null, string | null> {
  override convertToDatabaseValue(value: PaymentTerms | null): string | null {
    return value ? JSON.stringify(value) : null;
  }

  override convertToJSValue(value: string | PaymentTerms | null): PaymentTerms | null {
    if (!value) {
      return null;
    }
    const raw = (typeof value === 'string' ? JSON.parse(value) : value) as PaymentTerms;
    return { ...raw, balanceDueAt: raw.balanceDueAt ? new Date(raw.balanceDueAt) : null };
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(): string {
    return 'json';
  }
}

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
    paymentTerms: { type: PaymentTermsType, nullable: true },
    eligibility: { type: 'json' },
    status: { type: 'string', length: 12 },
    invitationMessageId: { type: 'string', length: 36, nullable: true },
    createdBy: { type: 'string', length: 36 },
    createdAt: { type: 'datetime', length: 3 },
    updatedAt: { type: 'datetime', length: 3 },
  },
});
