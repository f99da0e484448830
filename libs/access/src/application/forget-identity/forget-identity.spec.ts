import { AccessTestbed } from '../../testing';
import { ForgetIdentityUseCase } from './forget-identity.use-case';

describe('ForgetIdentityUseCase', () => {
  it('deletes an account no Rowan user is linked to, and leaves a linked one alone', async () => {
    const tb = new AccessTestbed();
    tb.givenUser({ identitySubject: 'subject-kept' });
    const forget = new ForgetIdentityUseCase(tb.users, tb.identityProvider);

    expect(await forget.execute({ subject: 'subject-kept' })).toEqual({ status: 'still_linked' });
    expect(await forget.execute({ subject: 'subject-gone' })).toEqual({ status: 'deleted' });
    expect(tb.identityProvider.deleted).toEqual(['subject-gone']);
  });
});
