import { Migration } from '@mikro-orm/migrations';

/**
 * Batched sends: each attempt claims its deliveries with a token of its own, so a batch knows which rows it
 * holds. Email complaints and permanent bounces suppress the address, as STOP does a number.
 */
export class Migration20261201110000 extends Migration {
  override name = 'Migration20261201110000';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`deliveries\` add \`claim_token\` varchar(36) null after \`claimed_at\`;`);
    this.addSql(`create table \`email_suppressions\` (
      \`address\` varchar(254) not null, \`reason\` varchar(20) not null, \`suppressed_at\` datetime(3) not null,
      primary key (\`address\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `email_suppressions`;');
    this.addSql('alter table `deliveries` drop column `claim_token`;');
  }
}
