import { Injectable } from '@nestjs/common';
import { escapeHtml, SendMessageUseCase } from '@rowan/communications';
import {
  Notifier,
  type AppointmentCancellation,
  type BalanceReminder,
  type ConsentRequest,
  type Invitation,
} from '@rowan/events';

const UK_WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  dateStyle: 'full',
  timeStyle: 'short',
});

const UK_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long' });

/** Events invite parents through the communications hub's public use case: tracked like any other message. */
@Injectable()
export class CommunicationsNotifier extends Notifier {
  constructor(private readonly send: SendMessageUseCase) {
    super();
  }

  inviteParents(invitation: Invitation): Promise<{ readonly messageId: string }> {
    const when = UK_WHEN.format(invitation.startsAt);
    return this.tell(
      invitation,
      `event-invitation-${invitation.eventId}`,
      'Invitation',
      (title) => `{{children}} is invited to ${title} on ${when}. Book a place in Rowan.`,
    );
  }

  tellCancelled(cancellation: Invitation): Promise<{ readonly messageId: string }> {
    const when = UK_WHEN.format(cancellation.startsAt);
    return this.tell(
      cancellation,
      `event-cancelled-${cancellation.eventId}`,
      'Cancelled',
      (title) =>
        `${title} on ${when} has been cancelled, so {{children}}'s place is cancelled too. We are sorry.`,
    );
  }

  tellAppointmentCancelled(c: AppointmentCancellation): Promise<{ readonly messageId: string }> {
    const when = UK_WHEN.format(c.at);
    const teacher = c.teacher.replace(/[{}]/g, '');
    return this.tell(
      c,
      `appointment-cancelled-${c.appointmentId}`,
      'Appointment cancelled',
      (title) =>
        `The school has cancelled {{children}}'s appointment with ${teacher} on ${when} at ${title}. You can choose another time in Rowan.`,
    );
  }

  remindToPay(reminder: BalanceReminder): Promise<{ readonly messageId: string }> {
    const by = reminder.dueBy ? ` by ${UK_DAY.format(reminder.dueBy)}` : '';
    return this.tell(
      reminder,
      `event-payment-reminder-${reminder.eventId}-${reminder.day}`,
      'Payment reminder',
      (title) =>
        `There is still money to pay${by} for {{children}}'s place on ${title}. You can pay it by card in Rowan.`,
    );
  }

  askConsentAgain(request: ConsentRequest): Promise<{ readonly messageId: string }> {
    const when = UK_WHEN.format(request.startsAt);
    return this.tell(
      request,
      `event-reconsent-${request.eventId}-${request.changedAt.getTime()}`,
      'Please confirm consent again',
      (title) =>
        `${title} has changed: it is now on ${when}. Please confirm consent for {{children}} again in Rowan.`,
    );
  }

  /** One message to the pupils' parents; the title goes into HTML escaped, and never as a merge field. */
  private async tell(
    about: Invitation,
    idempotencyKey: string,
    heading: string,
    sentence: (title: string) => string,
  ): Promise<{ readonly messageId: string }> {
    const title = about.title.replace(/[{}]/g, '');
    const line = sentence(title);
    const html = sentence(escapeHtml(title));
    const message = await this.send.execute({
      actor: about.actor,
      schoolId: about.schoolId,
      audience: {
        kind: 'contacts',
        ncYears: [],
        groupIds: [],
        pupilIds: about.pupilIds,
        characteristics: [],
        contacts: 'parental_responsibility',
      },
      content: {
        app: { title: `${heading}: ${title}`, body: `Dear {{forename}}, ${line}` },
        email: {
          subject: `${heading}: ${title}`,
          html: `<p>Dear {{forename}},</p><p>${html}</p>`,
          text: `Dear {{forename}},\n\n${line}`,
        },
        sms: { text: `${title}: ${line}` },
      },
      policy: 'cheapest',
      scheduledFor: null,
      draft: false,
      idempotencyKey,
    });
    return { messageId: message.id };
  }
}
