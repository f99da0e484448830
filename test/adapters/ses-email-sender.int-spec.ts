import {
  mergeValues,
  ProviderUnavailable,
  renderEmail,
  type MessageContent,
  type Recipient,
} from '@rowan/communications';
import { startSesStandIn, type SesStandIn } from '@rowan/sandbox';
import { SesEmailSender } from '@rowan/adapters/ses/ses-email-sender.adapter';

const recipient = (forename: string, surname: string, children: string[]): Recipient => ({
  kind: 'contact',
  personId: `${forename}-${surname}`,
  title: 'Mx',
  forename,
  surname,
  children,
  appUserId: null,
  email: `${forename.toLowerCase()}@example.test`,
  mobile: null,
});

/** The real SES SDK against the sandbox SES: SendEmail and SendBulkEmail with an inline template. */
describe('SesEmailSender against the sandbox SES', () => {
  let ses: SesStandIn;
  let sender: SesEmailSender;

  beforeAll(async () => {
    ses = await startSesStandIn();
    sender = new SesEmailSender({ region: 'eu-west-2', endpoint: ses.url, fromAddress: 'office@rowan.test' });
  });
  afterAll(() => ses.close());
  beforeEach(() => ses.control.clear());

  const content: MessageContent = {
    app: null,
    sms: null,
    email: {
      subject: 'Trip for {{children}} & friends',
      html: '<p>Dear {{ Forename }} {{surname}},</p><p>Use {{ this }} and {{unknown}} as written.</p>',
      text: 'Dear {{forename}} {{surname}}, {{school}}',
    },
  };
  const people = [
    recipient('Siobhán', "O'Brien", ['Aoife', 'Cian']),
    recipient('<b>Bold</b>', 'Tag & Co', ['Eve']),
    recipient('Zhāng', '张伟', []),
  ];

  it('sends each recipient of a bulk call exactly what a single send would, merge fields and escaping alike', async () => {
    const outcomes = await sender.sendBulk({
      fromName: 'Oakfield Primary',
      ...content.email!,
      entries: people.map((p, i) => ({
        to: p.email!,
        reference: `delivery-${i}`,
        fields: mergeValues(p, 'Oakfield Primary'),
      })),
    });

    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'sent', 'sent']);
    const recorded = ses.emails();
    expect(recorded.map((e) => e.tags.delivery)).toEqual(['delivery-0', 'delivery-1', 'delivery-2']);
    people.forEach((p, i) => {
      const expected = renderEmail(content, p, 'Oakfield Primary')!;
      expect({ subject: recorded[i]!.subject, html: recorded[i]!.html, text: recorded[i]!.text }).toEqual(
        expected,
      );
    });
    expect(recorded[1]!.html).toContain('&#60;b&#62;Bold&#60;/b&#62; Tag &#38; Co');
    expect(recorded[0]!.subject).toBe('Trip for Aoife and Cian & friends');
  });

  it('reports a rejected address for that entry only, and throws for the queue when SES is throttling', async () => {
    ses.control.reject('eve@example.test');
    const entries = ['ann', 'eve', 'sam'].map((name) => ({
      to: `${name}@example.test`,
      reference: name,
      fields: mergeValues(recipient(name, 'Smith', []), 'School'),
    }));
    const outcomes = await sender.sendBulk({
      fromName: 'School',
      subject: 'Hi',
      html: '<p>Hi</p>',
      text: 'Hi',
      entries,
    });
    expect(outcomes.map((o) => o.outcome)).toEqual(['sent', 'rejected', 'sent']);
    expect(ses.emails().flatMap((e) => e.to)).toEqual(['ann@example.test', 'sam@example.test']);

    ses.control.faults('TooManyRequestsException', { count: 1 });
    await expect(
      sender.sendBulk({ fromName: 'School', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi', entries }),
    ).rejects.toBeInstanceOf(ProviderUnavailable);
    expect(ses.emails()).toHaveLength(2);
  });
});
