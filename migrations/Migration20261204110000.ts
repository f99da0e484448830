import { Migration } from '@mikro-orm/migrations';

/** Refunds sent with an Idempotency-Key: one request per key and school, so a retried refund is made once. */
export class Migration20261204110000 extends Migration {
  override name = 'Migration20261204110000';

  override up(): void | Promise<void> {
    this.addSql(`create table \`refund_requests\` (
      \`school_id\` varchar(36) not null, \`idempotency_key\` varchar(100) not null,
      \`request_hash\` char(64) not null, \`status\` varchar(10) not null, \`created_at\` datetime(3) not null,
      primary key (\`school_id\`, \`idempotency_key\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `refund_requests`;');
  }
}
