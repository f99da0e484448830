import { AccessTestbed } from '../../testing';
import { ForgetSignInSessionsUseCase } from '../forget-sign-in-sessions/forget-sign-in-sessions.use-case';
import { RecordSignInUseCase, type SignInSession } from './record-sign-in.use-case';

function setup() {
  const tb = new AccessTestbed();
  const useCase = new RecordSignInUseCase(tb.signIns, tb.audit, tb.uow, tb.clock);
  return { tb, useCase };
}

const session = (key = 'sid:abc'): SignInSession => ({
  key,
  signedInAt: new Date('2026-11-23T08:59:00.000Z'),
  expiresAt: new Date('2026-11-23T09:15:00.000Z'),
});

describe('RecordSignInUseCase', () => {
  it('records one sign-in in each school the person belongs to, once per session', async () => {
    const { tb, useCase } = setup();
    const trust = tb.givenTrust();
    const first = tb.givenSchool(trust, 'Oak Primary');
    const second = tb.givenSchool(trust, 'Oak Juniors');
    const { user } = tb.givenMember(first, 'teacher');
    tb.givenMember(second, 'office', { user });
    const actor = tb.actorOf(user);

    await expect(useCase.execute({ actor, session: session() })).resolves.toEqual({
      status: 'recorded',
      records: 2,
    });
    await expect(useCase.execute({ actor, session: session() })).resolves.toEqual({ status: 'known' });

    const records = tb.audit.records();
    expect(records.map((r) => r.schoolId).sort()).toEqual([first.id, second.id].sort());
    expect(records[0]).toMatchObject({
      action: 'session.signed_in',
      actorId: user.id,
      trustId: trust.id,
      targetType: 'user',
      targetId: user.id,
      summary: 'Signed in (with multi-factor authentication)',
      after: { signedInAt: '2026-11-23T08:59:00.000Z', mfa: true },
    });
  });

  it('records a new session of the same person again', async () => {
    const { tb, useCase } = setup();
    const { actor } = tb.givenMember(tb.givenSchool(), 'teacher');

    await useCase.execute({ actor, session: session('sid:one') });
    await useCase.execute({ actor, session: session('sid:two') });

    expect(tb.audit.records()).toHaveLength(2);
  });

  it('records a trust-wide role once for the trust, and an operator with no membership on the platform', async () => {
    const { tb, useCase } = setup();
    const trust = tb.givenTrust();
    const { actor } = tb.givenMember(trust, 'trust_admin');
    const operator = tb.givenOperator();

    await useCase.execute({ actor, session: session() });
    await useCase.execute({ actor: operator, session: session() });

    expect(tb.audit.records().map((r) => [r.trustId, r.schoolId])).toEqual([
      [trust.id, null],
      [null, null],
    ]);
  });

  it('records nothing for someone who belongs nowhere', async () => {
    const { tb, useCase } = setup();
    const actor = tb.actorOf(tb.givenUser());

    await expect(useCase.execute({ actor, session: session() })).resolves.toEqual({ status: 'known' });
    expect(tb.audit.records()).toEqual([]);
  });

  it('claims nothing when the records could not be stored, so the next request tries again', async () => {
    const { tb, useCase } = setup();
    const { actor } = tb.givenMember(tb.givenSchool(), 'teacher');
    tb.uow.failNextCommit();

    await expect(useCase.execute({ actor, session: session() })).rejects.toThrow('The database went away');
    await expect(useCase.execute({ actor, session: session() })).resolves.toMatchObject({
      status: 'recorded',
    });
    expect(tb.audit.records()).toHaveLength(1);
  });
});

describe('ForgetSignInSessionsUseCase', () => {
  it('forgets sessions past their keeping time, so only those could be recorded again', async () => {
    const { tb, useCase } = setup();
    const forget = new ForgetSignInSessionsUseCase(tb.signIns, tb.clock);
    const { actor } = tb.givenMember(tb.givenSchool(), 'teacher');
    await useCase.execute({ actor, session: session() });

    expect(await forget.execute()).toEqual({ forgotten: 0 });
    await expect(useCase.execute({ actor, session: session() })).resolves.toEqual({ status: 'known' });

    tb.clock.advance(32 * 24 * 3600_000);
    expect(await forget.execute()).toEqual({ forgotten: 1 });
  });
});
