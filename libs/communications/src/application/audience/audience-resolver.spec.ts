import { ValidationFailed, type SchoolId } from '@rowan/kernel';
import type { AudienceSpec, EventInviteeRule } from '../../domain/message';
import {
  InMemoryCommunicationSettings,
  InMemoryEventInvitees,
  RecordingAudienceDirectory,
} from '../../testing';
import { ComposeRules } from '../compose/compose-rules';
import { AudienceResolver } from './audience-resolver';

const SCHOOL = 'school-a' as SchoolId;
const OTHER = 'school-b' as SchoolId;

const parents = (over: Partial<Extract<AudienceSpec, { kind: 'contacts' }>> = {}): AudienceSpec => ({
  kind: 'contacts',
  ncYears: [],
  groupIds: [],
  pupilIds: [],
  characteristics: [],
  contacts: 'priority',
  ...over,
});
const invitees = (eventId: string, which: EventInviteeRule['invitees']) => ({
  eventInvitees: { eventId, invitees: which },
});

function setUp() {
  const directory = new RecordingAudienceDirectory();
  const events = new InMemoryEventInvitees();
  events.add(
    SCHOOL,
    'trip',
    { all: ['ada', 'ben', 'cal'], booked: ['ada'], not_responded: ['ben', 'cal'] },
    true,
  );
  events.add(SCHOOL, 'club', { all: ['dee'], booked: [] });
  events.add(OTHER, 'foreign', { all: ['zed'], booked: ['zed'] });
  return { directory, events, resolver: new AudienceResolver(directory, events) };
}

const childrenOf = (recipients: ReadonlyArray<{ children: readonly string[] }>) =>
  recipients.flatMap((r) => r.children);

describe('audience resolver: event invitees', () => {
  it('passes an audience without an event to the directory as it is, asking the events context nothing', async () => {
    const { resolver, directory, events } = setUp();
    await resolver.resolve(SCHOOL, parents({ ncYears: [5], pupilIds: ['ada'] }));
    expect(directory.asked).toEqual([
      { schoolId: SCHOOL, audience: parents({ ncYears: [5], pupilIds: ['ada'] }) },
    ]);
    expect(events.asked).toEqual([]);
    expect(await resolver.problems(SCHOOL, { kind: 'staff', staffIds: [] })).toEqual([]);
  });

  it('reaches the families of exactly the pupils the filter picks', async () => {
    const { resolver } = setUp();
    expect(childrenOf(await resolver.resolve(SCHOOL, parents(invitees('trip', 'booked'))))).toEqual(['ada']);
    expect(childrenOf(await resolver.resolve(SCHOOL, parents(invitees('trip', 'not_responded'))))).toEqual([
      'ben',
      'cal',
    ]);
  });

  it('adds the invitees to the other selectors (any of them), keeping the characteristics and the contact rule', async () => {
    const { resolver, directory } = setUp();
    await resolver.resolve(
      SCHOOL,
      parents({
        ncYears: [6],
        pupilIds: ['ben'],
        characteristics: ['sen'],
        contacts: 'all',
        ...invitees('trip', 'not_responded'),
      }),
    );
    expect(directory.asked[0]?.audience).toEqual(
      parents({ ncYears: [6], pupilIds: ['ben', 'cal'], characteristics: ['sen'], contacts: 'all' }),
    );
  });

  it('reaches nobody, never the whole school, when the event picks nobody and nothing else is chosen', async () => {
    const { resolver, directory } = setUp();
    expect(await resolver.resolve(SCHOOL, parents(invitees('club', 'booked')))).toEqual([]);
    expect(await resolver.resolve(SCHOOL, parents(invitees('club', 'waitlisted')))).toEqual([]);
    expect(directory.asked).toEqual([]);
    await resolver.resolve(SCHOOL, parents({ ncYears: [3], ...invitees('club', 'booked') }));
    expect(directory.asked.map((a) => a.audience)).toEqual([parents({ ncYears: [3] })]);
  });

  it('works the same for pupils themselves', async () => {
    const { resolver, directory } = setUp();
    await resolver.resolve(SCHOOL, {
      kind: 'pupils',
      ncYears: [],
      groupIds: [],
      pupilIds: [],
      characteristics: [],
      ...invitees('trip', 'booked'),
    });
    expect(directory.asked[0]?.audience).toEqual({
      kind: 'pupils',
      ncYears: [],
      groupIds: [],
      pupilIds: ['ada'],
      characteristics: [],
    });
  });

  it('refuses another school’s event, or an unknown one, naming the field; at send time it picks nobody', async () => {
    const { resolver, directory } = setUp();
    for (const eventId of ['foreign', 'no-such-event']) {
      const audience = parents(invitees(eventId, 'booked'));
      expect(await resolver.problems(SCHOOL, audience)).toEqual([
        { field: 'audience.eventInvitees.eventId', message: expect.any(String) },
      ]);
      await expect(resolver.resolveChecked(SCHOOL, audience)).rejects.toThrow(ValidationFailed);
      expect(await resolver.resolve(SCHOOL, audience)).toEqual([]);
    }
    expect(directory.asked).toEqual([]);
  });

  it('refuses consent outstanding for an event without a consent form, and answers it for one with', async () => {
    const { resolver } = setUp();
    expect(await resolver.problems(SCHOOL, parents(invitees('club', 'consent_outstanding')))).toEqual([
      { field: 'audience.eventInvitees.invitees', message: expect.any(String) },
    ]);
    expect(await resolver.problems(SCHOOL, parents(invitees('trip', 'consent_outstanding')))).toEqual([]);
  });
});

describe('compose rules', () => {
  it('names every field at fault at once: the content and the audience’s event', async () => {
    const { resolver } = setUp();
    const rules = new ComposeRules(new InMemoryCommunicationSettings(), resolver);
    const input = {
      audience: parents(invitees('foreign', 'booked')),
      content: { app: null, email: null, sms: null },
      policy: 'email' as const,
      scheduledFor: null,
      draft: false,
    };
    const refused = await rules.admit(SCHOOL, input, new Date()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect((refused as ValidationFailed).fieldErrors.map((e) => e.field)).toEqual([
      'content.email',
      'audience.eventInvitees.eventId',
    ]);
    const email = { subject: 'Trip', html: '<p>Trip</p>', text: 'Trip' };
    expect(
      await rules.admit(
        SCHOOL,
        {
          ...input,
          audience: parents(invitees('trip', 'booked')),
          content: { app: null, email, sms: null },
          draft: true,
        },
        new Date(),
      ),
    ).toEqual({ status: 'draft', scheduledFor: null });
  });
});
