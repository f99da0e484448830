import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log's hash chains (one per school, one for the platform): each record's place in its chain and the
 * hashes that link it to the one before, set by the sealer job; each chain's head (its last sequence number and
 * hash), locked while the chain grows so two sealers never fork it; and the sign-in sessions already recorded.
 */
export class Migration20261204100000 extends Migration {
  override name = 'Migration20261204100000';

  override up(): void | Promise<void> {
    this.addSql(
      'alter table `audit_records` add `chain_seq` bigint null, add `prev_hash` char(64) null, add `hash` char(64) null;',
    );
    this.addSql(
      'alter table `audit_records` add index `audit_records_school_id_chain_seq_index` (`school_id`, `chain_seq`);',
    );
    this.addSql('alter table `audit_records` add index `audit_records_unsealed_index` (`chain_seq`, `at`);');
    this.addSql(`create table \`audit_chain_heads\` (
      \`chain_key\` varchar(36) not null, \`last_seq\` bigint not null, \`last_hash\` char(64) not null,
      \`updated_at\` datetime(3) not null,
      primary key (\`chain_key\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`sign_in_sessions\` (
      \`session_key\` char(64) not null, \`user_id\` varchar(36) not null, \`signed_in_at\` datetime(3) not null,
      \`expires_at\` datetime(3) not null,
      primary key (\`session_key\`),
      index \`sign_in_sessions_expires_index\` (\`expires_at\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `sign_in_sessions`;');
    this.addSql('drop table if exists `audit_chain_heads`;');
    this.addSql('alter table `audit_records` drop index `audit_records_unsealed_index`;');
    this.addSql('alter table `audit_records` drop index `audit_records_school_id_chain_seq_index`;');
    this.addSql(
      'alter table `audit_records` drop column `chain_seq`, drop column `prev_hash`, drop column `hash`;',
    );
  }
}
