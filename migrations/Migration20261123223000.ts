import { Migration } from '@mikro-orm/migrations';

/** Communications: messages, the recipients each was sent to, the delivery ledger, SMS opt-outs, settings. */
export class Migration20261123223000 extends Migration {
  override name = 'Migration20261123223000';

  override up(): void | Promise<void> {
    this.addSql(`create table \`messages\` (
      \`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`trust_id\` varchar(36) not null,
      \`audience\` json not null, \`content\` json not null, \`policy\` varchar(10) not null,
      \`status\` varchar(20) not null, \`scheduled_for\` datetime(3) null, \`estimate\` json null,
      \`created_by\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null,
      \`sent_at\` datetime(3) null, \`approved_by\` varchar(36) null, \`held_reason\` varchar(300) null,
      \`idempotency_key\` varchar(100) null,
      primary key (\`id\`),
      index \`messages_school_id_id_index\` (\`school_id\`, \`id\`),
      index \`messages_status_scheduled_for_index\` (\`status\`, \`scheduled_for\`),
      unique \`messages_idempotency_unique\` (\`school_id\`, \`idempotency_key\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`message_recipients\` (
      \`id\` varchar(36) not null, \`message_id\` varchar(36) not null, \`school_id\` varchar(36) not null,
      \`kind\` varchar(10) not null, \`person_id\` varchar(36) not null, \`title\` varchar(20) null,
      \`forename\` varchar(100) not null, \`surname\` varchar(100) not null, \`children\` json not null,
      \`app_user_id\` varchar(36) null, \`email\` varchar(320) null, \`mobile\` varchar(20) null,
      primary key (\`id\`),
      unique \`message_recipients_person_unique\` (\`message_id\`, \`kind\`, \`person_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`deliveries\` (
      \`id\` varchar(36) not null, \`message_id\` varchar(36) not null, \`school_id\` varchar(36) not null,
      \`recipient_id\` varchar(36) not null, \`channel\` varchar(5) not null, \`address\` varchar(320) not null,
      \`state\` varchar(10) not null, \`provider_ref\` varchar(100) null, \`error_code\` varchar(40) null,
      \`segments\` smallint null, \`claimed_at\` datetime(3) null, \`attempts\` smallint not null default 0,
      \`fallback_at\` datetime(3) null, \`fallen_back\` tinyint(1) not null default 0,
      \`queued_at\` datetime(3) not null, \`sent_at\` datetime(3) null, \`delivered_at\` datetime(3) null,
      \`read_at\` datetime(3) null, \`failed_at\` datetime(3) null, \`updated_at\` datetime(3) not null,
      primary key (\`id\`),
      unique \`deliveries_recipient_channel_unique\` (\`recipient_id\`, \`channel\`),
      index \`deliveries_message_state_index\` (\`message_id\`, \`state\`),
      index \`deliveries_provider_ref_index\` (\`channel\`, \`provider_ref\`),
      index \`deliveries_inbox_index\` (\`channel\`, \`address\`(64), \`id\`),
      index \`deliveries_fallback_index\` (\`fallen_back\`, \`fallback_at\`),
      index \`deliveries_sms_spend_index\` (\`school_id\`, \`channel\`, \`sent_at\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`sms_opt_outs\` (
      \`number\` varchar(20) not null, \`opted_out_at\` datetime(3) not null, primary key (\`number\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`communication_settings\` (
      \`school_id\` varchar(36) not null, \`fallback_after_minutes\` int not null,
      \`quiet_start\` smallint null, \`quiet_end\` smallint null, \`sms_budget_pence\` int null,
      \`approval_threshold\` int null, \`sms_segment_pence\` smallint not null, \`updated_at\` datetime(3) not null,
      primary key (\`school_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`trust_communication_settings\` (
      \`trust_id\` varchar(36) not null, \`sms_budget_pence\` int null, \`updated_at\` datetime(3) not null,
      primary key (\`trust_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    for (const table of [
      'trust_communication_settings',
      'communication_settings',
      'sms_opt_outs',
      'deliveries',
      'message_recipients',
      'messages',
    ]) {
      this.addSql(`drop table if exists \`${table}\`;`);
    }
  }
}
