import { Global, Module } from '@nestjs/common';
import {
  MikroOrmAuditLog,
  MikroOrmAuditTrail,
} from '@rowan/adapters/persistence/repositories/mikro-orm-audit.repository';
import { AuditLog, AuditTrail } from './application/ports/audit-trail';

/** Every context records what it changes; the audit trail is available everywhere. */
@Global()
@Module({
  providers: [
    { provide: AuditTrail, useClass: MikroOrmAuditTrail },
    { provide: AuditLog, useClass: MikroOrmAuditLog },
  ],
  exports: [AuditTrail, AuditLog],
})
export class AuditModule {}
