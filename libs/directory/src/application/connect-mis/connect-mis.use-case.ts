import { Injectable } from '@nestjs/common';
import { AuditTrail, type Actor } from '@rowan/access';
import { Clock, NotFound, UnitOfWork, type SchoolId } from '@rowan/kernel';
import { MisConnection } from '../../domain/sync-run';
import { SchoolRepository } from '../ports/school.repository';
import { MisConnectionRepository, SecretBox } from '../ports/sync-run.repository';
import { schoolFor } from '../school-scope';

export interface ConnectMisInput {
  readonly actor: Actor;
  readonly schoolId: SchoolId;
  readonly externalSchoolId: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly dailySyncHour: number;
}

export interface MisConnectionView {
  readonly provider: 'wonde';
  readonly externalSchoolId: string;
  readonly baseUrl: string;
  readonly dailySyncHour: number;
  readonly lastSyncedFrom: Date | null;
}

/** Connects (or reconnects) a school to its MIS through Wonde. The token is sealed and never shown again. */
@Injectable()
export class ConnectMisUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly connections: MisConnectionRepository,
    private readonly secrets: SecretBox,
    private readonly audit: AuditTrail,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: ConnectMisInput): Promise<MisConnectionView> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:manage');
    const now = this.clock.now();
    const sealed = this.secrets.seal(input.token);
    let connection = await this.connections.findForSchool(school.id);
    const before = connection
      ? { externalSchoolId: connection.externalSchoolId, baseUrl: connection.baseUrl }
      : undefined;
    if (connection) {
      Object.assign(connection, {
        externalSchoolId: input.externalSchoolId,
        baseUrl: input.baseUrl,
        encryptedToken: sealed,
        dailySyncHour: input.dailySyncHour,
        updatedAt: now,
      });
      if (before?.externalSchoolId !== input.externalSchoolId) {
        connection.lastSyncedFrom = null;
      }
    } else {
      connection = new MisConnection(
        school.id,
        'wonde',
        input.externalSchoolId,
        input.baseUrl,
        sealed,
        input.dailySyncHour,
        null,
        now,
      );
      this.connections.add(connection);
    }
    this.audit.record(input.actor.userId, {
      action: 'directory.mis_connected',
      trustId: school.trustId,
      schoolId: school.id,
      targetType: 'mis_connection',
      targetId: school.id,
      summary: `Connected ${school.name} to Wonde school ${input.externalSchoolId}`,
      before,
      after: {
        externalSchoolId: input.externalSchoolId,
        baseUrl: input.baseUrl,
        dailySyncHour: input.dailySyncHour,
      },
    });
    await this.uow.commit();
    return {
      provider: 'wonde',
      externalSchoolId: connection.externalSchoolId,
      baseUrl: connection.baseUrl,
      dailySyncHour: connection.dailySyncHour,
      lastSyncedFrom: connection.lastSyncedFrom,
    };
  }
}

/** The school's MIS connection as staff may see it (never the token); 404 when the school has none. */
@Injectable()
export class GetMisConnectionUseCase {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly connections: MisConnectionRepository,
  ) {}

  async execute(input: { readonly actor: Actor; readonly schoolId: SchoolId }): Promise<MisConnectionView> {
    const school = await schoolFor(this.schools, input.actor, input.schoolId, 'directory:read');
    const connection = await this.connections.findForSchool(school.id);
    if (!connection) {
      throw new NotFound('MIS connection', 'DIRECTORY.NOT_CONNECTED');
    }
    return {
      provider: connection.provider,
      externalSchoolId: connection.externalSchoolId,
      baseUrl: connection.baseUrl,
      dailySyncHour: connection.dailySyncHour,
      lastSyncedFrom: connection.lastSyncedFrom,
    };
  }
}
