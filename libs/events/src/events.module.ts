import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { CommunicationsNotifier } from '@rowan/adapters/bridges/communications-notifier.adapter';
import { DirectoryGuardianship } from '@rowan/adapters/bridges/directory-guardianship.adapter';
import { BullMqEventJobs } from '@rowan/adapters/bullmq/bullmq-event-jobs.adapter';
import { QUEUES } from '@rowan/adapters/bullmq/queues';
import { MikroOrmBookingStore } from '@rowan/adapters/persistence/events/mikro-orm-booking.store';
import { MikroOrmConsentStore } from '@rowan/adapters/persistence/events/mikro-orm-consent.store';
import { MikroOrmEligiblePupils } from '@rowan/adapters/persistence/events/mikro-orm-eligible-pupils';
import { MikroOrmEventRepository } from '@rowan/adapters/persistence/events/mikro-orm-event.repository';
import { MikroOrmRegisterStore } from '@rowan/adapters/persistence/events/mikro-orm-register.store';
import { MikroOrmStaffingStore } from '@rowan/adapters/persistence/events/mikro-orm-staffing.store';
import { MikroOrmParentsEveningStore } from '@rowan/adapters/persistence/events/mikro-orm-parents-evening.store';
import { MikroOrmEveningReplies } from '@rowan/adapters/persistence/events/mikro-orm-evening-replies';
import { MikroOrmPaymentStore } from '@rowan/adapters/persistence/events/mikro-orm-payment.store';
import {
  StripePaymentGateway,
  type StripeSettings,
} from '@rowan/adapters/stripe/stripe-payment-gateway.adapter';
import { PaymentGateway } from './application/ports/payment-gateway';
import { PaymentStore } from './application/ports/payment.store';
import { BookingMoneyReader } from './application/payments/booking-money.reader';
import { CancellationPayments } from './application/payments/cancellation-payments.service';
import { ExpirePaymentHoldUseCase } from './application/payments/expire-payment-hold.use-case';
import { PaymentPlans } from './application/payments/payment-plans';
import {
  GetBookingMoneyUseCase,
  GetMyBookingMoneyUseCase,
  PaymentSettingsUseCase,
} from './application/payments/read-payments.use-case';
import { ReconcilePaymentsUseCase } from './application/payments/reconcile-payments.use-case';
import { RecordPaymentEventUseCase } from './application/payments/record-payment-event.use-case';
import { RefundBookingUseCase } from './application/payments/refund-booking.use-case';
import { Refunds } from './application/payments/refunds.service';
import { Settlement } from './application/payments/settlement.service';
import { StartCheckoutUseCase } from './application/payments/start-checkout.use-case';
import { RemindUnpaidUseCase } from './application/payments/remind-unpaid.use-case';
import { PaymentsReportUseCase } from './application/payments/payments-report.use-case';
import { MikroOrmEventReports } from '@rowan/adapters/persistence/events/mikro-orm-event-reports';
import { DirectoryModule } from '@rowan/directory/directory.module';
import { BookPlaceUseCase } from './application/book-place/book-place.use-case';
import { StaffBookPlaceUseCase } from './application/book-place/staff-book-place.use-case';
import { AcceptOfferUseCase } from './application/change-booking/accept-offer.use-case';
import {
  CancelMyBookingUseCase,
  StaffCancelBookingUseCase,
} from './application/change-booking/cancel-booking.use-case';
import { ConsentRenewal } from './application/consent/consent-forms.service';
import { GiveConsentUseCase } from './application/consent/give-consent.use-case';
import { GetBookingConsentUseCase, GetConsentFormUseCase } from './application/consent/read-consent.use-case';
import { SaveConsentFormUseCase } from './application/consent/save-consent-form.use-case';
import { ExpireOfferUseCase } from './application/change-booking/expire-offer.use-case';
import { WaitingList } from './application/change-booking/waiting-list.service';
import { EventSettings } from './application/event-settings';
import { CancelEventUseCase } from './application/manage-events/cancel-event.use-case';
import { CreateEventUseCase } from './application/manage-events/create-event.use-case';
import {
  GetEventUseCase,
  ListEventsUseCase,
  ListParticipantsUseCase,
  PreviewEligibleUseCase,
} from './application/manage-events/read-events.use-case';
import { UpdateEventUseCase } from './application/manage-events/update-event.use-case';
import { FindInviteesUseCase } from './application/invitees/find-invitees.use-case';
import { ListMyInvitationsUseCase } from './application/my-invitations/list-my-invitations.use-case';
import { BookingStore } from './application/ports/booking.store';
import { ConsentStore } from './application/ports/consent.store';
import { EligiblePupils } from './application/ports/eligible-pupils';
import { EventJobs } from './application/ports/event-jobs';
import { EventRepository } from './application/ports/event.repository';
import { Guardianship } from './application/ports/guardianship';
import { Notifier } from './application/ports/notifier';
import { RegisterStore } from './application/ports/register.store';
import { StaffingStore } from './application/ports/staffing.store';
import { PublishEventUseCase } from './application/publish-event/publish-event.use-case';
import { GetParticipationUseCase, GetRegisterUseCase } from './application/registers/read-registers.use-case';
import { TakeRegisterUseCase } from './application/registers/take-register.use-case';
import { AssignStaffUseCase } from './application/staffing/assign-staff.use-case';
import {
  ListEventStaffUseCase,
  MyScheduleUseCase,
  StaffScheduleUseCase,
} from './application/staffing/read-staffing.use-case';
import { BookForMeUseCase } from './application/parents-evening/book-for-me.use-case';
import { ConfirmEveningSlotsUseCase } from './application/parents-evening/confirm-slots.use-case';
import { HoldEveningSlotUseCase } from './application/parents-evening/hold-slot.use-case';
import { ParentEveningReader } from './application/parents-evening/parent-evening.reader';
import {
  GetMyParentsEveningUseCase,
  GetParentsEveningUseCase,
  ListEveningAppointmentsUseCase,
} from './application/parents-evening/read-parents-evening.use-case';
import { SetUpParentsEveningUseCase } from './application/parents-evening/set-up-parents-evening.use-case';
import { ParentsEveningStore } from './application/ports/parents-evening.store';
import { EveningReplies } from './application/ports/evening-replies';
import {
  CancelMyAppointmentUseCase,
  StaffCancelAppointmentUseCase,
} from './application/parents-evening/cancel-appointment.use-case';
import { ExpireEveningHoldUseCase } from './application/parents-evening/expire-hold.use-case';
import { ParentEveningSession } from './application/parents-evening/parent-evening-session.service';
import { EventReports } from './application/ports/event-reports';
import {
  GetEventEquityReportUseCase,
  GetSchoolEquityReportUseCase,
} from './application/reports/equity.use-case';
import {
  EventParticipationReader,
  ExportEventParticipationReportUseCase,
  GetEventParticipationReportUseCase,
} from './application/reports/event-participation.use-case';
import { GetGroupParticipationReportUseCase } from './application/reports/group-participation.use-case';
import { GetTrustEventsSummaryUseCase } from './application/reports/trust-events-summary.use-case';

const USE_CASES = [
  CreateEventUseCase,
  UpdateEventUseCase,
  CancelEventUseCase,
  ListEventsUseCase,
  GetEventUseCase,
  PreviewEligibleUseCase,
  ListParticipantsUseCase,
  PublishEventUseCase,
  BookPlaceUseCase,
  StaffBookPlaceUseCase,
  CancelMyBookingUseCase,
  StaffCancelBookingUseCase,
  AcceptOfferUseCase,
  ExpireOfferUseCase,
  ListMyInvitationsUseCase,
  FindInviteesUseCase,
  AssignStaffUseCase,
  ListEventStaffUseCase,
  StaffScheduleUseCase,
  MyScheduleUseCase,
  TakeRegisterUseCase,
  GetRegisterUseCase,
  GetParticipationUseCase,
  SaveConsentFormUseCase,
  GetConsentFormUseCase,
  GetBookingConsentUseCase,
  GiveConsentUseCase,
  SetUpParentsEveningUseCase,
  GetParentsEveningUseCase,
  ListEveningAppointmentsUseCase,
  GetMyParentsEveningUseCase,
  HoldEveningSlotUseCase,
  ConfirmEveningSlotsUseCase,
  BookForMeUseCase,
  CancelMyAppointmentUseCase,
  StaffCancelAppointmentUseCase,
  ExpireEveningHoldUseCase,
  StartCheckoutUseCase,
  RecordPaymentEventUseCase,
  ExpirePaymentHoldUseCase,
  RefundBookingUseCase,
  GetBookingMoneyUseCase,
  GetMyBookingMoneyUseCase,
  PaymentSettingsUseCase,
  ReconcilePaymentsUseCase,
  RemindUnpaidUseCase,
  PaymentsReportUseCase,
  GetEventParticipationReportUseCase,
  ExportEventParticipationReportUseCase,
  GetGroupParticipationReportUseCase,
  GetEventEquityReportUseCase,
  GetSchoolEquityReportUseCase,
  GetTrustEventsSummaryUseCase,
];

/** The events context: needs the global PersistenceModule and AuditModule, BullMQ's root and communications. */
@Module({})
export class EventsModule {
  static forRoot(options: {
    readonly offerWindowMs: number;
    readonly communications: DynamicModule;
    readonly payments: {
      readonly holdMs: number;
      readonly webOrigin: string;
      readonly stripe: StripeSettings;
    };
  }): DynamicModule {
    return {
      module: EventsModule,
      imports: [DirectoryModule, options.communications, BullModule.registerQueue({ name: QUEUES.events })],
      providers: [
        { provide: EventRepository, useClass: MikroOrmEventRepository },
        { provide: BookingStore, useClass: MikroOrmBookingStore },
        { provide: ConsentStore, useClass: MikroOrmConsentStore },
        { provide: EligiblePupils, useClass: MikroOrmEligiblePupils },
        { provide: Notifier, useClass: CommunicationsNotifier },
        { provide: Guardianship, useClass: DirectoryGuardianship },
        { provide: ParentsEveningStore, useClass: MikroOrmParentsEveningStore },
        { provide: EveningReplies, useClass: MikroOrmEveningReplies },
        { provide: EventJobs, useClass: BullMqEventJobs },
        { provide: StaffingStore, useClass: MikroOrmStaffingStore },
        { provide: RegisterStore, useClass: MikroOrmRegisterStore },
        {
          provide: EventSettings,
          useValue: new EventSettings(
            options.offerWindowMs,
            options.payments.holdMs,
            options.payments.webOrigin,
          ),
        },
        { provide: PaymentStore, useClass: MikroOrmPaymentStore },
        { provide: PaymentGateway, useFactory: () => new StripePaymentGateway(options.payments.stripe) },
        PaymentPlans,
        Refunds,
        Settlement,
        BookingMoneyReader,
        CancellationPayments,
        { provide: EventReports, useClass: MikroOrmEventReports },
        EventParticipationReader,
        WaitingList,
        ConsentRenewal,
        ParentEveningReader,
        ParentEveningSession,
        ...USE_CASES,
      ],
      exports: USE_CASES,
    };
  }
}
