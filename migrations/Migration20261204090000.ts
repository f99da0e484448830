import { Migration } from '@mikro-orm/migrations';

/**
 * Compliance: when a leaver (pupil or contact) was anonymised; each retention run and what it did; a school's
 * contract end (its data destroyed 30 days later); and the trust's record of each destruction, which outlives
 * the school (so it names the school by `deleted_school_id`, not `school_id`).
 */
export class Migration20261204090000 extends Migration {
  override name = 'Migration20261204090000';

  override up(): void | Promise<void> {
    this.addSql('alter table `pupils` add `anonymised_at` datetime(3) null;');
    this.addSql(
      'alter table `pupils` add index `pupils_leavers_index` (`enrolment`, `leave_date`, `anonymised_at`);',
    );
    this.addSql('alter table `contacts` add `anonymised_at` datetime(3) null;');
    this.addSql(`create table \`retention_runs\` (
      \`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`ran_at\` datetime(3) not null,
      \`left_on_or_before\` date not null, \`pupils\` int not null, \`contacts\` int not null, \`rows\` json not null,
      primary key (\`id\`),
      index \`retention_runs_school_index\` (\`school_id\`, \`id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`school_contracts\` (
      \`school_id\` varchar(36) not null, \`trust_id\` varchar(36) not null, \`ends_on\` date not null,
      \`destroy_on\` date not null, \`recorded_by\` varchar(36) null, \`recorded_at\` datetime(3) not null,
      primary key (\`school_id\`),
      index \`school_contracts_destroy_index\` (\`destroy_on\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`school_deletions\` (
      \`id\` varchar(36) not null, \`trust_id\` varchar(36) not null, \`deleted_school_id\` varchar(36) not null,
      \`school_name\` varchar(200) not null, \`urn\` varchar(20) null, \`contract_ended_on\` date not null,
      \`started_at\` datetime(3) not null, \`finished_at\` datetime(3) null, \`rows\` json not null,
      primary key (\`id\`),
      unique \`school_deletions_school_unique\` (\`deleted_school_id\`),
      index \`school_deletions_trust_index\` (\`trust_id\`, \`id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `school_deletions`;');
    this.addSql('drop table if exists `school_contracts`;');
    this.addSql('drop table if exists `retention_runs`;');
    this.addSql('alter table `contacts` drop column `anonymised_at`;');
    this.addSql('alter table `pupils` drop index `pupils_leavers_index`;');
    this.addSql('alter table `pupils` drop column `anonymised_at`;');
  }
}
