import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@rowan/access';
import { Clock, IdGenerator, UnitOfWork, ValidationFailed, type UserId } from '@rowan/kernel';
import type { SchoolEvent } from '../../domain/event';
import { splitRefund, summarise } from '../../domain/ledger';
import type { BookingRecord } from '../ports/booking.store';
import { PaymentGateway } from '../ports/payment-gateway';
import { PaymentStore, type LedgerEntry } from '../ports/payment.store';

export interface RefundOrder {
  readonly booking: BookingRecord;
  readonly event: SchoolEvent;
  /** Pence; null: everything still refundable. */
  readonly amountP: number | null;
  readonly reason: string;
  readonly by: UserId | null;
  /** Stable per refund request, so a retry makes the same refunds at the provider. */
  readonly key: string;
}

/**
 * Gives money back through the provider, newest payment first, and records each refund in the ledger under
 * the provider's id (so its webhook, arriving before or after, adds nothing more).
 */
@Injectable()
export class Refunds {
  constructor(
    private readonly payments: PaymentStore,
    private readonly gateway: PaymentGateway,
    private readonly audit: AuditTrail,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  /** Answers the pence refunded (0 when there was nothing to refund and none was asked for). */
  async refund(order: RefundOrder): Promise<number> {
    const entries = await this.payments.entriesOf(order.booking.id);
    const refundable = summarise(entries, false).refundableP;
    const amountP = order.amountP ?? refundable;
    if (amountP === 0 && order.amountP === null) {
      return 0;
    }
    if (!Number.isSafeInteger(amountP) || amountP < 1 || amountP > refundable) {
      throw new ValidationFailed('That is more than can be refunded', [
        { field: 'amountP', message: `from 1 to ${refundable} pence (what was paid and not yet refunded)` },
      ]);
    }
    const parts = splitRefund(amountP, paidByIntent(entries));
    if (!parts) {
      throw new ValidationFailed('That is more than can be refunded', [
        { field: 'amountP', message: 'too much' },
      ]);
    }
    const { stripeAccountId } = await this.payments.settings(order.booking.schoolId);
    for (const part of parts) {
      const payment = await this.payments.paymentByIntent(part.paymentIntentId);
      const refund = await this.gateway.refund({
        account: stripeAccountId,
        paymentIntentId: part.paymentIntentId,
        amountP: part.amountP,
        idempotencyKey: `${order.key}-${part.paymentIntentId}`,
        metadata: { bookingId: order.booking.id, paymentId: payment?.id ?? '' },
      });
      await this.uow.transaction(() =>
        this.payments.addEntries([
          {
            id: this.ids.next(),
            schoolId: order.booking.schoolId,
            eventId: order.booking.eventId,
            bookingId: order.booking.id,
            entry: 'refund',
            amountP: refund.amountP,
            reference: refund.refundId,
            paymentId: payment?.id ?? null,
            note: order.reason,
            createdBy: order.by,
            createdAt: this.clock.now(),
          },
        ]),
      );
    }
    await this.uow.transaction(async () =>
      this.audit.record(order.by, {
        action: 'payment.refunded',
        trustId: order.event.trustId,
        schoolId: order.event.schoolId,
        targetType: 'booking',
        targetId: order.booking.id,
        summary: `Refunded £${(amountP / 100).toFixed(2)} for a booking on “${order.event.title}”: ${order.reason}`,
        after: { amountP, parts: parts.length },
      }),
    );
    return amountP;
  }
}

/** Each payment's money and what was refunded of it, newest first. */
function paidByIntent(
  entries: readonly LedgerEntry[],
): { paymentIntentId: string; paidP: number; refundedP: number }[] {
  const paid = entries
    .filter((e) => e.entry === 'payment' && e.reference)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  return paid.map((p) => ({
    paymentIntentId: p.reference as string,
    paidP: p.amountP,
    refundedP: entries
      .filter((e) => e.entry === 'refund' && e.paymentId !== null && e.paymentId === p.paymentId)
      .reduce((sum, e) => sum + e.amountP, 0),
  }));
}
