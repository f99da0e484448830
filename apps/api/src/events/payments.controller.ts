import { Body, Controller, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import {
  GetBookingMoneyUseCase,
  GetMyBookingMoneyUseCase,
  PaymentSettingsUseCase,
  ReconcilePaymentsUseCase,
  RefundBookingUseCase,
  RemindUnpaidUseCase,
  StartCheckoutUseCase,
} from '@rowan/events';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { RateLimit } from '../http/rate-limit/rate-limit.decorator';
import { IdParam } from '../http/id.param';
import { idempotencyKeyOf } from '../http/idempotency-key';
import type { FastifyRequest } from 'fastify';
import {
  BookingMoneyDto,
  CheckoutDto,
  MyBookingMoneyDto,
  PaymentSettingsDto,
  ReconciliationDto,
  ReconciliationQuery,
  RefundRequest,
  ReminderSentDto,
} from './dto/payments.dto';

@ApiTags('Me')
@Controller('api/v1/me/bookings/:bookingId')
export class MyPaymentsController {
  constructor(
    private readonly checkout: StartCheckoutUseCase,
    private readonly money: GetMyBookingMoneyUseCase,
  ) {}

  @Post('checkout')
  @RateLimit('booking')
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'startCheckout',
    summary: 'Pay for my child’s booking',
    description:
      'Opens (or gives again, while it is open) the card payment page for what is due: a held place’s payment, or later the balance. Send the family to `url`; the place is confirmed when the payment arrives.',
  })
  @ApiCreatedResponse({ type: CheckoutDto })
  @ApiProblems(400, 404, 409, 503)
  async startCheckout(
    @CurrentActor() actor: Actor,
    @IdParam('bookingId') bookingId: string,
  ): Promise<CheckoutDto> {
    return CheckoutDto.from(await this.checkout.execute({ actor, bookingId }));
  }

  @Get('payments')
  @RequirePermission('me:read')
  @ApiOperation({
    operationId: 'getMyBookingPayments',
    summary: 'My child’s booking’s payments',
    description: 'The price lines, what was paid and refunded, and what is still to pay.',
  })
  @ApiOkResponse({ type: MyBookingMoneyDto })
  @ApiProblems(400, 404)
  async getMyBookingPayments(
    @CurrentActor() actor: Actor,
    @IdParam('bookingId') bookingId: string,
  ): Promise<MyBookingMoneyDto> {
    const m = await this.money.execute({ actor, bookingId });
    return { ...BookingMoneyDto.from(m), state: m.state };
  }
}

@ApiTags('Payments')
@Controller('api/v1/schools/:schoolId')
export class PaymentsController {
  constructor(
    private readonly money: GetBookingMoneyUseCase,
    private readonly refunds: RefundBookingUseCase,
    private readonly reconciliation: ReconcilePaymentsUseCase,
    private readonly settings: PaymentSettingsUseCase,
    private readonly reminders: RemindUnpaidUseCase,
  ) {}

  @Post('events/:eventId/payment-reminders')
  @RequirePermission('payments:read')
  @ApiOperation({
    operationId: 'remindUnpaid',
    summary: 'Remind families who still owe money',
    description:
      'One tracked message through the hub to the parents of every confirmed booking with money still to pay (a balance, or a place staff booked), naming their children; sent again the same day, it is the same message. 409 when nobody owes anything.',
  })
  @ApiCreatedResponse({ type: ReminderSentDto })
  @ApiProblems(400, 404, 409)
  async remindUnpaid(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
  ): Promise<ReminderSentDto> {
    return { ...(await this.reminders.execute({ actor, schoolId: schoolId as SchoolId, eventId })) };
  }

  @Get('events/:eventId/bookings/:bookingId/payments')
  @RequirePermission('payments:read')
  @ApiOperation({
    operationId: 'getBookingPayments',
    summary: 'A booking’s payments',
    description:
      'The ledger (charge, subsidy, discount, payments, refunds in pence), the payments due and the totals.',
  })
  @ApiOkResponse({ type: BookingMoneyDto })
  @ApiProblems(400, 404)
  async getBookingPayments(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @IdParam('bookingId') bookingId: string,
  ): Promise<BookingMoneyDto> {
    return BookingMoneyDto.from(
      await this.money.execute({ actor, schoolId: schoolId as SchoolId, eventId, bookingId }),
    );
  }

  @Post('events/:eventId/bookings/:bookingId/refunds')
  @HttpCode(200)
  @RequirePermission('payments:refund')
  @ApiOperation({
    operationId: 'refundBooking',
    summary: 'Refund a booking',
    description:
      'In full (leave out `amountP`) or in part, through Stripe, newest payment first; recorded in the ledger and the audit log. The booking itself is not cancelled. Send an Idempotency-Key so that a retried request refunds once (and answers with the money as it then stands; 409 for a different body).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 100 characters, unique per refund',
  })
  @ApiOkResponse({ type: BookingMoneyDto })
  @ApiProblems(400, 404, 409, 503)
  async refundBooking(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('eventId') eventId: string,
    @IdParam('bookingId') bookingId: string,
    @Body() body: RefundRequest,
    @Req() request: FastifyRequest,
  ): Promise<BookingMoneyDto> {
    return BookingMoneyDto.from(
      await this.refunds.execute({
        actor,
        schoolId: schoolId as SchoolId,
        eventId,
        bookingId,
        amountP: body.amountP ?? null,
        reason: body.reason,
        idempotencyKey: idempotencyKeyOf(request),
      }),
    );
  }

  @Get('payments/reconciliation')
  @RequirePermission('payments:read')
  @ApiOperation({
    operationId: 'reconcilePayments',
    summary: 'Reconcile with Stripe',
    description:
      'The ledger’s payments and refunds in the period against the school’s Stripe balance transactions, matched by Stripe’s ids; anything on one side only or with a different amount is flagged.',
  })
  @ApiOkResponse({ type: ReconciliationDto })
  @ApiProblems(400, 404, 503)
  async reconcilePayments(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ReconciliationQuery,
  ): Promise<ReconciliationDto> {
    return ReconciliationDto.from(
      await this.reconciliation.execute({
        actor,
        schoolId: schoolId as SchoolId,
        ...query.period(new Date()),
      }),
    );
  }

  @Get('payment-settings')
  @RequirePermission('payments:read')
  @ApiOperation({
    operationId: 'getPaymentSettings',
    summary: 'Payment settings',
    description: 'The school’s Stripe connected account and its refund rule for parents who cancel.',
  })
  @ApiOkResponse({ type: PaymentSettingsDto })
  @ApiProblems(400, 404)
  async getPaymentSettings(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
  ): Promise<PaymentSettingsDto> {
    return PaymentSettingsDto.from(await this.settings.read({ actor, schoolId: schoolId as SchoolId }));
  }

  @Put('payment-settings')
  @RequirePermission('payments:settings')
  @ApiOperation({
    operationId: 'savePaymentSettings',
    summary: 'Change payment settings',
    description: 'Audited.',
  })
  @ApiOkResponse({ type: PaymentSettingsDto })
  @ApiProblems(400, 404)
  async savePaymentSettings(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Body() body: PaymentSettingsDto,
  ): Promise<PaymentSettingsDto> {
    return PaymentSettingsDto.from(
      await this.settings.save({
        actor,
        schoolId: schoolId as SchoolId,
        stripeAccountId: body.stripeAccountId,
        cancellationRefund: body.cancellationRefund,
      }),
    );
  }
}
