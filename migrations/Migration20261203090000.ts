import { Migration } from '@mikro-orm/migrations';

/**
 * Payments: an event's payment terms (subsidy, sibling discount, deposit); each booking's payments due and the
 * Stripe Checkout sessions opened for them; the ledger of every charge, subsidy, discount, payment and refund in
 * pence (a provider id at most once per kind); the webhook events acted on; and each school's payment settings.
 */
export class Migration20261203090000 extends Migration {
  override name = 'Migration20261203090000';

  override up(): void | Promise<void> {
    this.addSql('alter table `events` add `payment_terms` json null;');
    this.addSql(`create table \`booking_payments\` (
      \`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`event_id\` varchar(36) not null,
      \`booking_id\` varchar(36) not null, \`purpose\` varchar(10) not null, \`amount_p\` int not null,
      \`due_at\` datetime(3) null, \`status\` varchar(12) not null, \`payment_intent_id\` varchar(100) null,
      \`paid_at\` datetime(3) null, \`created_at\` datetime(3) not null,
      primary key (\`id\`),
      index \`booking_payments_booking_index\` (\`booking_id\`),
      index \`booking_payments_due_index\` (\`school_id\`, \`status\`, \`due_at\`),
      unique \`booking_payments_intent_unique\` (\`payment_intent_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`payment_checkouts\` (
      \`session_id\` varchar(255) not null, \`payment_id\` varchar(36) not null, \`school_id\` varchar(36) not null,
      \`account\` varchar(100) null, \`url\` varchar(2000) not null, \`status\` varchar(10) not null,
      \`expires_at\` datetime(3) not null, \`created_at\` datetime(3) not null,
      primary key (\`session_id\`),
      index \`payment_checkouts_payment_index\` (\`payment_id\`, \`status\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`payment_ledger\` (
      \`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`event_id\` varchar(36) not null,
      \`booking_id\` varchar(36) not null, \`entry\` varchar(10) not null, \`amount_p\` int not null,
      \`reference\` varchar(255) null, \`payment_id\` varchar(36) null, \`note\` varchar(500) not null,
      \`created_by\` varchar(36) null, \`created_at\` datetime(3) not null,
      primary key (\`id\`),
      index \`payment_ledger_booking_index\` (\`booking_id\`),
      index \`payment_ledger_school_index\` (\`school_id\`, \`created_at\`),
      unique \`payment_ledger_reference_unique\` (\`entry\`, \`reference\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`payment_webhook_events\` (
      \`event_id\` varchar(255) not null, \`type\` varchar(100) not null, \`received_at\` datetime(3) not null,
      primary key (\`event_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`school_payment_settings\` (
      \`school_id\` varchar(36) not null, \`stripe_account_id\` varchar(100) null,
      \`cancellation_refund\` varchar(12) not null, \`updated_at\` datetime(3) not null,
      primary key (\`school_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `school_payment_settings`;');
    this.addSql('drop table if exists `payment_webhook_events`;');
    this.addSql('drop table if exists `payment_ledger`;');
    this.addSql('drop table if exists `payment_checkouts`;');
    this.addSql('drop table if exists `booking_payments`;');
    this.addSql('alter table `events` drop column `payment_terms`;');
  }
}
