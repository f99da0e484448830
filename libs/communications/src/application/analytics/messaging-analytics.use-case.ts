import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import { SchoolCatalogue } from '@rowan/directory';
import { Clock, type SchoolId, type TrustId } from '@rowan/kernel';
import { MessagingAnalytics } from '../ports/messaging-analytics';
import { trustFor } from '../school-scope';
import { buildReport, periodsFor, type MessagingReport, type ReportRange } from './messaging-report';

/** A school's messages, reach and SMS cost per week or month (UK time), for its staff. */
@Injectable()
export class GetSchoolMessagingAnalyticsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly analytics: MessagingAnalytics,
    private readonly clock: Clock,
  ) {}

  async execute(
    input: ReportRange & { readonly actor: Actor; readonly schoolId: SchoolId },
  ): Promise<MessagingReport & { readonly schoolId: string }> {
    const school = await this.catalogue.authorizedSchool(input.actor, input.schoolId, 'messages:read');
    const range = periodsFor(input, this.clock.now());
    const rows = await this.analytics.figures([school.id], range.periods);
    return { schoolId: school.id, ...buildReport(range, rows) };
  }
}

export interface TrustMessagingReport extends MessagingReport {
  readonly trustId: string;
  readonly schools: ReadonlyArray<MessagingReport & { readonly schoolId: string; readonly name: string }>;
}

/** The same across a trust, with each school's own report beside the trust's totals: for trust admins. */
@Injectable()
export class GetTrustMessagingAnalyticsUseCase {
  constructor(
    private readonly catalogue: SchoolCatalogue,
    private readonly analytics: MessagingAnalytics,
    private readonly clock: Clock,
  ) {}

  async execute(
    input: ReportRange & { readonly actor: Actor; readonly trustId: TrustId },
  ): Promise<TrustMessagingReport> {
    const { trust, schools } = await trustFor(
      this.catalogue,
      input.actor,
      input.trustId,
      'trust_messages:read',
    );
    const range = periodsFor(input, this.clock.now());
    const rows = schools.length
      ? await this.analytics.figures(
          schools.map((s) => s.id),
          range.periods,
        )
      : [];
    return {
      trustId: trust.id,
      ...buildReport(range, rows),
      schools: schools.map((s) => ({
        schoolId: s.id,
        name: s.name,
        ...buildReport(
          range,
          rows.filter((r) => r.schoolId === s.id),
        ),
      })),
    };
  }
}
