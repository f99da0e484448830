import { Migration } from '@mikro-orm/migrations';

/**
 * Events say what their price pays for (`price_unit`: the trip, a club's term, or each session; existing priced
 * events keep their meaning: per trip for trips, per term for clubs) and may open booking early to Pupil
 * Premium and free-school-meals pupils (`priority_booking_until`).
 */
export class Migration20261201160000 extends Migration {
  override name = 'Migration20261201160000';

  override up(): void | Promise<void> {
    this.addSql(
      'alter table `events` add `price_unit` varchar(10) null after `price_p`, add `priority_booking_until` datetime(3) null after `booking_cutoff`;',
    );
    this.addSql(
      "update `events` set `price_unit` = case when `kind` = 'club' then 'term' else 'event' end where `price_p` is not null;",
    );
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `events` drop `price_unit`, drop `priority_booking_until`;');
  }
}
