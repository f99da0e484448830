import { Migration } from '@mikro-orm/migrations';

/** Directory uploads (CSV): the checked records and their preview, until applied or expired. */
export class Migration20261123213000 extends Migration {
  override name = 'Migration20261123213000';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`directory_imports\` (\`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`status\` varchar(10) not null, \`files\` json not null, \`records\` json null, \`preview\` json not null, \`basis_run_id\` varchar(36) null, \`uploaded_by\` varchar(36) not null, \`uploaded_at\` datetime(3) not null, \`expires_at\` datetime(3) not null, \`applied_at\` datetime(3) null, \`run_id\` varchar(36) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`directory_imports\` add index \`directory_imports_school_id_id_index\` (\`school_id\`, \`id\`);`,
    );
    this.addSql(
      `alter table \`directory_imports\` add index \`directory_imports_status_expires_at_index\` (\`status\`, \`expires_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`directory_imports\`;`);
  }
}
