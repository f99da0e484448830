import { Migration } from '@mikro-orm/migrations';

/**
 * Messaging analytics and SMS spend: each SMS delivery keeps the segments estimated when it was created (what
 * its cost falls back to until the provider reports the real count), and messages are found by school and
 * send time.
 */
export class Migration20261201090000 extends Migration {
  override name = 'Migration20261201090000';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`deliveries\` add \`estimated_segments\` smallint null after \`segments\`;`);
    // Deliveries from before: the message's average segments per text, at least one.
    this.addSql(`update \`deliveries\` d join \`messages\` m on m.id = d.message_id
      set d.estimated_segments = coalesce(
        ceil(json_value(m.estimate, '$.smsSegments') / nullif(json_value(m.estimate, '$.byChannel.sms'), 0)), 1)
      where d.channel = 'sms';`);
    this.addSql(
      `alter table \`messages\` add index \`messages_school_id_sent_at_index\` (\`school_id\`, \`sent_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`messages\` drop index \`messages_school_id_sent_at_index\`;`);
    this.addSql(`alter table \`deliveries\` drop column \`estimated_segments\`;`);
  }
}
