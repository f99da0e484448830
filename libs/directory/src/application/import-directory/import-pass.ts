import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator, type SchoolId } from '@rowan/kernel';
import { emptyChange, type ImportPreview, type ImportRecords } from '../../domain/directory-import';
import { emptyTally, type SyncTally } from '../../domain/sync-run';
import { DirectorySyncStore } from '../ports/directory-sync.store';
import { SyncPass, type PassProgress } from '../run-mis-sync/sync-pass';
import { PreviewStore } from './preview-store';

const PAGE = 500;

async function* pagesOf<T>(records: readonly T[]): AsyncIterable<T[]> {
  for (let i = 0; i < records.length; i += PAGE) {
    yield records.slice(i, i + PAGE);
  }
}

const quietly: PassProgress = () => Promise.resolve();

/**
 * Runs an upload through the same sync pass as the MIS: each file is a complete list, so what it leaves out has
 * left. `preview` writes nothing; `apply` writes through the real store (the caller holds the transaction).
 */
@Injectable()
export class DirectoryImportPass {
  constructor(
    private readonly store: DirectorySyncStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async preview(schoolId: SchoolId, records: ImportRecords): Promise<ImportPreview> {
    const store = new PreviewStore(this.store);
    const tally = await this.run(schoolId, records, store);
    const change = (kind: 'pupils' | 'contacts' | 'staff') => ({
      ...emptyChange(),
      ...tally[kind],
      samples: store.samples[kind],
    });
    return { pupils: change('pupils'), contacts: change('contacts'), staff: change('staff') };
  }

  apply(schoolId: SchoolId, records: ImportRecords): Promise<SyncTally> {
    return this.run(schoolId, records, this.store);
  }

  private async run(
    schoolId: SchoolId,
    records: ImportRecords,
    store: DirectorySyncStore,
  ): Promise<SyncTally> {
    const pass = new SyncPass(schoolId, store, this.clock, this.ids, emptyTally(), quietly);
    if (records.pupils) {
      const { groups, onRoll, leavers } = records.pupils;
      await pass.groups(pagesOf(groups), true);
      await pass.pupils(pagesOf(onRoll), onRoll.length);
      await pass.leavers(pagesOf(leavers), null);
    }
    if (records.staff) {
      await pass.staff(pagesOf(records.staff), true, records.staff.length);
    }
    return pass.tally;
  }
}
