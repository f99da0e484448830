import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CANCELLATION_REFUNDS,
  LEDGER_ENTRIES,
  type BookingMoneyView,
  type CancellationRefund,
  type CheckoutView,
  type LedgerEntry,
  type PaymentRecord,
  type PaymentsReport,
  type Reconciliation,
  type SchoolPaymentSettings,
} from '@rowan/events';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class CheckoutDto {
  @ApiProperty({ format: 'uuid' }) bookingId!: string;
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ description: 'Pence' }) amountP!: number;
  @ApiProperty({ description: 'The payment page to send the family to' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;

  static from(c: CheckoutView): CheckoutDto {
    return {
      bookingId: c.bookingId,
      paymentId: c.paymentId,
      amountP: c.amountP,
      url: c.url,
      expiresAt: c.expiresAt.toISOString(),
    };
  }
}

class LedgerEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LEDGER_ENTRIES }) entry!: string;
  @ApiProperty({ description: 'Pence, always positive; the entry says which way' }) amountP!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Stripe’s PaymentIntent (payment) or Refund (refund) id',
  })
  reference!: string | null;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(e: LedgerEntry): LedgerEntryDto {
    return {
      id: e.id,
      entry: e.entry,
      amountP: e.amountP,
      reference: e.reference,
      note: e.note,
      createdAt: e.createdAt.toISOString(),
    };
  }
}

class PaymentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['full', 'deposit', 'balance'] }) purpose!: string;
  @ApiProperty({ description: 'Pence' }) amountP!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ enum: ['pending', 'paid', 'lapsed', 'withdrawn', 'refund_due', 'refunded'] })
  status!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) paidAt!: string | null;

  static from(p: PaymentRecord): PaymentDto {
    return {
      id: p.id,
      purpose: p.purpose,
      amountP: p.amountP,
      dueAt: iso(p.dueAt),
      status: p.status,
      paidAt: iso(p.paidAt),
    };
  }
}

class NextPaymentDto {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty() amountP!: number;
  @ApiProperty({ enum: ['full', 'deposit', 'balance'] }) purpose!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt!: string | null;
}

/** A booking's (or an event's) money, in pence. */
class MoneySummaryDto {
  @ApiProperty({ description: 'Pence charged' }) chargeP!: number;
  @ApiProperty({ description: 'Pence the school paid (Pupil Premium or FSM subsidy)' }) subsidyP!: number;
  @ApiProperty({ description: 'Pence off (sibling discount)' }) discountP!: number;
  @ApiProperty({ description: 'Pence the family owes in all' }) dueP!: number;
  @ApiProperty() paidP!: number;
  @ApiProperty() refundedP!: number;
  @ApiProperty({ description: 'Still to pay on a live booking' }) outstandingP!: number;
  @ApiProperty({ description: 'Paid and not yet refunded' }) refundableP!: number;
}

export class BookingMoneyDto extends MoneySummaryDto {
  @ApiProperty({ format: 'uuid' }) bookingId!: string;
  @ApiProperty({ type: NextPaymentDto, nullable: true }) nextPayment!: NextPaymentDto | null;
  @ApiProperty({ type: [LedgerEntryDto] }) entries!: LedgerEntryDto[];
  @ApiProperty({ type: [PaymentDto] }) payments!: PaymentDto[];

  static from(m: BookingMoneyView): BookingMoneyDto {
    return {
      bookingId: m.bookingId,
      chargeP: m.chargeP,
      subsidyP: m.subsidyP,
      discountP: m.discountP,
      dueP: m.dueP,
      paidP: m.paidP,
      refundedP: m.refundedP,
      outstandingP: m.outstandingP,
      refundableP: m.refundableP,
      nextPayment: m.nextPayment ? { ...m.nextPayment, dueAt: iso(m.nextPayment.dueAt) } : null,
      entries: m.entries.map(LedgerEntryDto.from),
      payments: m.payments.map(PaymentDto.from),
    };
  }
}

export class MyBookingMoneyDto extends BookingMoneyDto {
  @ApiProperty({ enum: ['confirmed', 'held', 'waitlisted', 'offered', 'cancelled'] }) state!: string;
}

export class RefundRequest {
  @ApiPropertyOptional({ minimum: 1, description: 'Pence; leave out to refund everything still refundable' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  amountP?: number;

  @ApiProperty({ maxLength: 300, description: 'Why; recorded in the ledger and the audit log' })
  @IsString()
  @Length(1, 300)
  reason!: string;
}

export class ReconciliationQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'From (inclusive); 30 days before `to` if not given',
  })
  @IsOptional()
  @IsDateString()
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'To (exclusive); now if not given' })
  @IsOptional()
  @IsDateString()
  to?: string;

  period(now: Date): { from: Date; to: Date } {
    const to = this.to ? new Date(this.to) : now;
    return { from: this.from ? new Date(this.from) : new Date(to.getTime() - 30 * 86_400_000), to };
  }
}

class MismatchDto {
  @ApiProperty({ enum: ['missing_in_rowan', 'missing_in_stripe', 'amount_differs'] }) kind!: string;
  @ApiProperty({ enum: ['charge', 'refund'] }) type!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ nullable: true, type: Number }) stripeAmountP!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rowanAmountP!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) bookingId!: string | null;
  @ApiProperty({ nullable: true, type: String }) balanceTransactionId!: string | null;
}

class StripeTotalsDto {
  @ApiProperty() charges!: number;
  @ApiProperty() refunds!: number;
  @ApiProperty({ description: 'Pence in less pence out' }) grossP!: number;
  @ApiProperty() feesP!: number;
  @ApiProperty() netP!: number;
}

class RowanTotalsDto {
  @ApiProperty() payments!: number;
  @ApiProperty() refunds!: number;
  @ApiProperty() paidP!: number;
  @ApiProperty() refundedP!: number;
}

export class ReconciliationDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: StripeTotalsDto }) stripe!: StripeTotalsDto;
  @ApiProperty({ type: RowanTotalsDto }) rowan!: RowanTotalsDto;
  @ApiProperty() matched!: number;
  @ApiProperty({ type: [MismatchDto] }) mismatches!: MismatchDto[];
  @ApiProperty({ description: 'True when nothing is flagged' }) clean!: boolean;

  static from(r: Reconciliation): ReconciliationDto {
    return { ...r, from: r.from.toISOString(), to: r.to.toISOString(), mismatches: [...r.mismatches] };
  }
}

export class PaymentSettingsDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The school’s Stripe connected account (acct_…); null: the platform’s',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(/^acct_[A-Za-z0-9]{6,}$/, {
    message: 'stripeAccountId must be a connected account id like acct_1Nv0FGQ9RKHgCVdK',
  })
  stripeAccountId!: string | null;

  @ApiProperty({
    enum: CANCELLATION_REFUNDS,
    description: 'What parents get back when they cancel a paid booking',
  })
  @IsIn(CANCELLATION_REFUNDS)
  cancellationRefund!: CancellationRefund;

  static from(s: SchoolPaymentSettings): PaymentSettingsDto {
    return { stripeAccountId: s.stripeAccountId, cancellationRefund: s.cancellationRefund };
  }
}

export class ReminderSentDto {
  @ApiProperty({ format: 'uuid', description: 'The tracked message' }) messageId!: string;
  @ApiProperty({ description: 'Children whose families were reminded' }) pupils!: number;
  @ApiProperty({ description: 'Pence still to pay among them' }) outstandingP!: number;
}

class PaymentTotalsDto extends MoneySummaryDto {
  @ApiProperty({ description: 'Bookings with money on them' }) bookings!: number;
  @ApiProperty({ description: 'Of which subsidised (Pupil Premium or FSM)' }) subsidised!: number;
}

class PaymentLineDto extends MoneySummaryDto {
  @ApiProperty({ format: 'uuid' }) bookingId!: string;
  @ApiProperty({ format: 'uuid' }) pupilId!: string;
  @ApiProperty() forename!: string;
  @ApiProperty() surname!: string;
  @ApiProperty({ enum: ['confirmed', 'held', 'waitlisted', 'offered', 'cancelled'] }) state!: string;
}

export class PaymentsReportDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: PaymentTotalsDto, description: 'Over every booking, not only this page' })
  totals!: PaymentTotalsDto;
  @ApiProperty({ type: [PaymentLineDto] }) items!: PaymentLineDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;

  static from(r: PaymentsReport): PaymentsReportDto {
    return {
      eventId: r.eventId,
      title: r.title,
      totals: { ...r.totals },
      items: r.page.items.map((l) => ({
        bookingId: l.bookingId,
        pupilId: l.pupilId,
        forename: l.forename,
        surname: l.surname,
        state: l.state,
        chargeP: l.chargeP,
        subsidyP: l.subsidyP,
        discountP: l.discountP,
        dueP: l.dueP,
        paidP: l.paidP,
        refundedP: l.refundedP,
        outstandingP: l.outstandingP,
        refundableP: l.refundableP,
      })),
      nextCursor: r.page.nextCursor,
    };
  }
}
