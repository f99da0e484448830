import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { ValidationFailed, type SchoolId } from '@rowan/kernel';
import { BookingNotFound } from '../../domain/events.errors';
import { ownBooking } from '../change-booking/own-booking';
import { eventFor } from '../event-scope';
import { BookingStore } from '../ports/booking.store';
import { EventRepository } from '../ports/event.repository';
import { Guardianship } from '../ports/guardianship';
import { PaymentStore, type CancellationRefund, type SchoolPaymentSettings } from '../ports/payment.store';
import { Clock, UnitOfWork } from '@rowan/kernel';
import { AuditTrail } from '@rowan/access';
import { BookingMoneyReader, type BookingMoneyView } from './booking-money.reader';

/** Staff read a booking's money: the ledger lines, the payments and what is outstanding. */
@Injectable()
export class GetBookingMoneyUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly money: BookingMoneyReader,
  ) {}

  async execute(input: {
    actor: Actor;
    schoolId: SchoolId;
    eventId: string;
    bookingId: string;
  }): Promise<BookingMoneyView> {
    const { event } = await eventFor(this.catalogue, this.events, input.actor, input, 'payments:read');
    const booking = await this.bookings.findById(input.bookingId);
    if (!booking || booking.eventId !== event.id) {
      throw BookingNotFound();
    }
    return this.money.of(booking);
  }
}

/** A parent reads their own child's booking's money. */
@Injectable()
export class GetMyBookingMoneyUseCase {
  constructor(
    private readonly guardianship: Guardianship,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly money: BookingMoneyReader,
  ) {}

  async execute(input: {
    actor: Actor;
    bookingId: string;
  }): Promise<BookingMoneyView & { readonly state: string }> {
    const { booking } = await ownBooking(
      { guardianship: this.guardianship, bookings: this.bookings, events: this.events },
      input.actor,
      input.bookingId,
    );
    return { ...(await this.money.of(booking)), state: booking.state };
  }
}

/** A school's payment settings: its Stripe connected account and what parents get back when they cancel. */
@Injectable()
export class PaymentSettingsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly payments: PaymentStore,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async read(input: { actor: Actor; schoolId: SchoolId }): Promise<SchoolPaymentSettings> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'payments:read');
    return this.payments.settings(school.id);
  }

  async save(input: {
    actor: Actor;
    schoolId: SchoolId;
    stripeAccountId: string | null;
    cancellationRefund: CancellationRefund;
  }): Promise<SchoolPaymentSettings> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'payments:settings');
    if (input.stripeAccountId !== null && !/^acct_[A-Za-z0-9]{6,}$/.test(input.stripeAccountId)) {
      throw new ValidationFailed('Not a Stripe account id', [
        { field: 'stripeAccountId', message: 'a connected account id like acct_1Nv0FGQ9RKHgCVdK' },
      ]);
    }
    const before = await this.payments.settings(school.id);
    const after = { stripeAccountId: input.stripeAccountId, cancellationRefund: input.cancellationRefund };
    await this.uow.transaction(async () => {
      await this.payments.saveSettings(school.id, after, this.clock.now());
      this.audit.record(input.actor.userId, {
        action: 'payments.settings_changed',
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'school',
        targetId: school.id,
        summary: 'Changed the school’s payment settings',
        before: { ...before },
        after: { ...after },
      });
    });
    return after;
  }
}
