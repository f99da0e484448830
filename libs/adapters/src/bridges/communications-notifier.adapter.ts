import { Injectable } from '@nestjs/common';
import { SendMessageUseCase } from '@rowan/communications';
import { Notifier, type Invitation } from '@rowan/events';

const UK_WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  dateStyle: 'full',
  timeStyle: 'short',
});

/** Events invite parents through the communications hub's public use case: tracked like any other message. */
@Injectable()
export class CommunicationsNotifier extends Notifier {
  constructor(private readonly send: SendMessageUseCase) {
    super();
  }

  async inviteParents(invitation: Invitation): Promise<{ readonly messageId: string }> {
    const when = UK_WHEN.format(invitation.startsAt);
    const line = `{{children}} is invited to ${invitation.title} on ${when}. Book a place in Rowan.`;
    const message = await this.send.execute({
      actor: invitation.actor,
      schoolId: invitation.schoolId,
      audience: {
        kind: 'contacts',
        ncYears: [],
        groupIds: [],
        pupilIds: invitation.pupilIds,
        characteristics: [],
        contacts: 'parental_responsibility',
      },
      content: {
        app: { title: `Invitation: ${invitation.title}`, body: `Dear {{forename}}, ${line}` },
        email: {
          subject: `Invitation: ${invitation.title}`,
          html: `<p>Dear {{forename}},</p><p>${line}</p>`,
          text: `Dear {{forename}},\n\n${line}`,
        },
        sms: { text: `${invitation.title}: ${line}` },
      },
      policy: 'cheapest',
      scheduledFor: null,
      draft: false,
      idempotencyKey: `event-invitation-${invitation.eventId}`,
    });
    return { messageId: message.id };
  }
}
