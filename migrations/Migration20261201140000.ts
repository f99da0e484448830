import { Migration } from '@mikro-orm/migrations';

/**
 * Events (trips and clubs), the invitations publishing fixes (one per eligible child) and bookings. Places are
 * counted on the event (`taken`, and `taken_open` for those not reserved for Pupil Premium and FSM pupils) by
 * conditional updates; `active` is 1 for a booking that is not cancelled and null otherwise, so the unique key
 * allows one active booking per (event, pupil) and any number of cancelled ones.
 */
export class Migration20261201140000 extends Migration {
  override name = 'Migration20261201140000';

  override up(): void | Promise<void> {
    this.addSql(`create table \`events\` (
      \`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`trust_id\` varchar(36) not null,
      \`kind\` varchar(10) not null, \`title\` varchar(200) not null, \`description\` text not null,
      \`starts_at\` datetime(3) not null, \`ends_at\` datetime(3) null, \`sessions\` json not null,
      \`capacity\` int not null, \`reserved_places\` int not null default 0,
      \`taken\` int not null default 0, \`taken_open\` int not null default 0,
      \`price_p\` int null, \`booking_cutoff\` datetime(3) null, \`eligibility\` json not null,
      \`status\` varchar(12) not null, \`invitation_message_id\` varchar(36) null,
      \`created_by\` varchar(36) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null,
      primary key (\`id\`), index \`events_school_id_id_index\` (\`school_id\`, \`id\`),
      constraint \`events_taken_check\` check (\`taken\` >= 0 and \`taken\` <= \`capacity\` and \`taken_open\` >= 0)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`event_invitations\` (
      \`event_id\` varchar(36) not null, \`pupil_id\` varchar(36) not null, \`school_id\` varchar(36) not null,
      \`may_take_reserved\` tinyint(1) not null, \`created_at\` datetime(3) not null,
      primary key (\`event_id\`, \`pupil_id\`), index \`event_invitations_pupil_index\` (\`pupil_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`event_bookings\` (
      \`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`event_id\` varchar(36) not null,
      \`pupil_id\` varchar(36) not null, \`state\` varchar(12) not null, \`active\` tinyint(1) null,
      \`open\` tinyint(1) not null, \`booked_by\` varchar(36) not null, \`offer_expires_at\` datetime(3) null,
      \`idempotency_key\` varchar(100) null, \`request_hash\` varchar(100) null,
      \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null,
      primary key (\`id\`),
      unique \`event_bookings_active_unique\` (\`event_id\`, \`pupil_id\`, \`active\`),
      unique \`event_bookings_idempotency_unique\` (\`booked_by\`, \`idempotency_key\`),
      index \`event_bookings_event_state_index\` (\`event_id\`, \`state\`, \`id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `event_bookings`;');
    this.addSql('drop table if exists `event_invitations`;');
    this.addSql('drop table if exists `events`;');
  }
}
