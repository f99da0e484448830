import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { Clock } from '@rowan/kernel';
import type { ConsentQuestion, ConsentState } from '../../domain/consent';
import { bookingView, type BookingView } from '../booking.view';
import { consentStateOf } from '../consent/consent-forms.service';
import { toEventView, type EventView } from '../event.view';
import { BookingStore } from '../ports/booking.store';
import { ConsentStore } from '../ports/consent.store';
import { EventRepository } from '../ports/event.repository';
import { Guardianship, type OwnChild } from '../ports/guardianship';
import type { Quote } from '../../domain/pricing';
import { BookingMoneyReader } from '../payments/booking-money.reader';
import { PaymentPlans } from '../payments/payment-plans';

/** Where a booked child's money stands. */
export interface InvitationMoney {
  readonly dueP: number;
  readonly paidP: number;
  readonly refundedP: number;
  readonly outstandingP: number;
  /** What the family can pay next (the held place's payment, or the balance), if anything. */
  readonly next: { readonly amountP: number; readonly purpose: string; readonly dueAt: Date | null } | null;
}

export interface ChildInvitations {
  readonly child: OwnChild;
  readonly invitations: readonly InvitationView[];
}

export interface InvitationView {
  readonly event: EventView;
  readonly booking: BookingView | null;
  /** The event's consent form (empty when it asks none). */
  readonly consentQuestions: readonly ConsentQuestion[];
  /** The booking's consent; `missing` before booking when the event has a form. */
  readonly consent: ConsentState;
  /** When booking opens for this child, if later (the early-booking window is for other pupils). */
  readonly opensAt: Date | null;
  /** Before booking a priced event: what this child's place costs (subsidy and discount shown as lines). */
  readonly price: Quote | null;
  /** After booking a priced event: what was paid and what is still to pay. */
  readonly money: InvitationMoney | null;
}

/** Each of the parent's children with the events they are invited to and where their booking stands. */
@Injectable()
export class ListMyInvitationsUseCase {
  constructor(
    private readonly guardianship: Guardianship,
    private readonly events: EventRepository,
    private readonly bookings: BookingStore,
    private readonly consents: ConsentStore,
    private readonly clock: Clock,
    private readonly plans: PaymentPlans,
    private readonly moneyOf: BookingMoneyReader,
  ) {}

  async execute(input: { actor: Actor }): Promise<ChildInvitations[]> {
    const children = await this.guardianship.childrenOf(input.actor);
    const invitations = await this.bookings.invitationsOf(children.map((c) => c.id));
    const eventIds = [...new Set(invitations.map((i) => i.eventId))];
    const events = new Map(
      (await Promise.all(eventIds.map((id) => this.events.findById(id)))).flatMap((e) =>
        e ? [[e.id, e] as const] : [],
      ),
    );
    const forms = new Map((await this.consents.formsOf(eventIds)).map((f) => [f.eventId, f.questions]));
    const now = this.clock.now();
    const out: ChildInvitations[] = [];
    for (const child of children) {
      const mine = invitations.filter((i) => i.pupilId === child.id);
      const list: InvitationView[] = [];
      for (const invitation of mine) {
        const event = events.get(invitation.eventId);
        if (!event || event.schoolId !== child.schoolId || event.status === 'draft') {
          continue;
        }
        const [active] = await this.bookings.activeFor(event.id, [child.id]);
        const questions = forms.get(event.id) ?? [];
        const given = active ? await this.consents.ofBookings([active.id]) : [];
        const priced = event.priceP !== null && event.priceP > 0;
        const siblings = children
          .filter((c) => c.id !== child.id && c.schoolId === child.schoolId)
          .map((c) => c.id);
        const money = priced && active ? await this.moneyOf.of(active) : null;
        list.push({
          price: priced && !active ? await this.plans.quoteFor(event, invitation, siblings, now) : null,
          money: money
            ? {
                dueP: money.dueP,
                paidP: money.paidP,
                refundedP: money.refundedP,
                outstandingP: money.outstandingP,
                next: money.nextPayment
                  ? {
                      amountP: money.nextPayment.amountP,
                      purpose: money.nextPayment.purpose,
                      dueAt: money.nextPayment.dueAt,
                    }
                  : null,
              }
            : null,
          event: toEventView(event),
          booking: active ? await bookingView(this.bookings, active) : null,
          consentQuestions: questions,
          consent: consentStateOf(questions.length > 0, given),
          opensAt: active ? null : event.opensFor(invitation.mayTakeReserved, now),
        });
      }
      out.push({ child, invitations: list });
    }
    return out;
  }
}
