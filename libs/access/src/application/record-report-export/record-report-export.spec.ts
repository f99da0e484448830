import { NotFound } from '@rowan/kernel';
import { AccessTestbed } from '../../testing';
import { RecordReportExportUseCase } from './record-report-export.use-case';

function setup() {
  const tb = new AccessTestbed();
  const useCase = new RecordReportExportUseCase(tb.directory, tb.audit, tb.uow);
  return { tb, useCase };
}

describe('RecordReportExportUseCase', () => {
  it('records who downloaded which report of which event, as which file', async () => {
    const { tb, useCase } = setup();
    const school = tb.givenSchool();
    const { actor, user } = tb.givenMember(school, 'school_admin');

    await useCase.execute({
      actor,
      where: { schoolId: school.id },
      kind: 'payments',
      title: 'Payments — Year 5 trip',
      format: 'xlsx',
      subjectId: 'event-1',
    });

    expect(tb.audit.records()).toEqual([
      expect.objectContaining({
        action: 'report.exported',
        actorId: user.id,
        trustId: school.trustId,
        schoolId: school.id,
        targetType: 'report',
        targetId: 'payments-event-1',
        summary: 'Downloaded Payments — Year 5 trip as Excel',
        after: { report: 'payments', format: 'xlsx', subjectId: 'event-1' },
      }),
    ]);
  });

  it('records a trust’s report in the trust, with the choices that shaped it', async () => {
    const { tb, useCase } = setup();
    const trust = tb.givenTrust();
    const { actor } = tb.givenMember(trust, 'trust_admin');

    await useCase.execute({
      actor,
      where: { trustId: trust.id },
      kind: 'trust-events',
      title: 'Events across the trust',
      format: 'csv',
      filters: { from: '2026-09-01', to: '2027-08-31' },
    });

    expect(tb.audit.records()[0]).toMatchObject({
      trustId: trust.id,
      schoolId: null,
      targetId: 'trust-events',
      summary: 'Downloaded Events across the trust as CSV',
      after: { report: 'trust-events', format: 'csv', from: '2026-09-01', to: '2027-08-31' },
    });
  });

  it('records nothing for a school the person does not belong to', async () => {
    const { tb, useCase } = setup();
    const ours = tb.givenMember(tb.givenSchool(), 'school_admin').actor;
    const theirs = tb.givenSchool(tb.givenTrust('Elm'), 'Elm Primary');

    await expect(
      useCase.execute({ actor: ours, where: { schoolId: theirs.id }, kind: 'x', title: 'X', format: 'csv' }),
    ).rejects.toThrow(NotFound);
    expect(tb.audit.records()).toEqual([]);
  });
});
