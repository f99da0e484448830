import type { SelectOption, Tone } from '../../ui/types';
import type {
  Characteristic,
  PupilContact,
  PupilGroup,
  PupilSummary,
  SyncCounts,
  SyncMode,
  SyncPhase,
  SyncRun,
  SyncStatus,
} from './directory-types';

/** National curriculum years the filter offers: 0 is Reception. */
export const NC_YEAR_OPTIONS: readonly SelectOption<string>[] = Array.from({ length: 14 }, (_, year) => ({
  value: String(year),
  label: ncYearLabel(year),
}));

export function ncYearLabel(year: number): string {
  if (year === 0) {
    return 'Reception';
  }
  return year < 0 ? 'Nursery' : `Year ${year}`;
}

/** The MIS's own name for the year ("Year 4"), else one from the NC year. */
export function yearLabel(pupil: Pick<PupilSummary, 'yearGroup' | 'ncYear'>): string | null {
  return pupil.yearGroup ?? (pupil.ncYear !== null ? ncYearLabel(pupil.ncYear) : null);
}

export function pupilName(pupil: Pick<PupilSummary, 'preferredForename' | 'preferredSurname'>): string {
  return `${pupil.preferredForename} ${pupil.preferredSurname}`.trim();
}

export function contactName(contact: Pick<PupilContact, 'title' | 'forename' | 'surname'>): string {
  return [contact.title, contact.forename, contact.surname].filter(Boolean).join(' ');
}

/** "+447700900123" -> "07700 900123"; other UK numbers in national form; numbers abroad as sent. */
export function formatUkPhone(e164: string): string {
  if (!e164.startsWith('+44')) {
    return e164;
  }
  const national = `0${e164.slice(3)}`;
  return /^07\d{9}$/.test(national) ? `${national.slice(0, 5)} ${national.slice(5)}` : national;
}

export function characteristicLabel(c: Pick<Characteristic, 'kind' | 'value'>): string {
  switch (c.kind) {
    case 'pupil_premium':
      return 'Pupil Premium';
    case 'free_school_meals':
      return 'Free school meals';
    case 'eal':
      return 'EAL';
    case 'sen':
      return c.value === 'ehc_plan' ? 'EHC plan' : c.value === 'sen_support' ? 'SEN support' : 'SEN';
  }
}

/** Spelt out for the badge's title and screen readers where the short form is an initialism. */
export function characteristicDescription(c: Pick<Characteristic, 'kind' | 'value'>): string | undefined {
  if (c.kind === 'eal') {
    return 'English as an additional language';
  }
  if (c.kind === 'sen') {
    return c.value === 'ehc_plan'
      ? 'Special educational needs: education, health and care plan'
      : 'Special educational needs support';
  }
  return undefined;
}

const GROUP_KINDS: Record<PupilGroup['kind'], string> = {
  registration: 'Registration',
  year: 'Year',
  teaching: 'Teaching',
  house: 'House',
  other: 'Other',
};

export function groupKindLabel(kind: PupilGroup['kind']): string {
  return GROUP_KINDS[kind];
}

export const SYNC_MODES: Record<SyncMode, string> = { full: 'Full', delta: 'Changes only' };

/** "Full sync", "Changes only sync" or "CSV upload": what kind of sync a run was. */
export function syncKind(run: Pick<SyncRun, 'source' | 'mode'>): string {
  return run.source === 'csv' ? 'CSV upload' : `${SYNC_MODES[run.mode]} sync`;
}

export const SYNC_STATUSES: Record<SyncStatus, { readonly label: string; readonly tone: Tone }> = {
  queued: { label: 'Queued', tone: 'info' },
  running: { label: 'Running', tone: 'info' },
  succeeded: { label: 'Succeeded', tone: 'success' },
  failed: { label: 'Failed', tone: 'error' },
};

const PHASES: Record<SyncPhase, string> = {
  waiting: 'Waiting to start',
  groups: 'Reading classes and groups',
  pupils: 'Reading pupils and their contacts',
  leavers: 'Checking for leavers',
  staff: 'Reading staff',
  done: 'Finishing',
};

export function phaseLabel(phase: SyncPhase): string {
  return PHASES[phase];
}

export function isActive(run: Pick<SyncRun, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

/** "12 added, 3 changed, 1 left" or "No changes". */
export function countsSummary(counts: SyncCounts): string {
  const parts = [
    counts.added ? `${counts.added} added` : '',
    counts.changed ? `${counts.changed} changed` : '',
    counts.left ? `${counts.left} left` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'No changes';
}

/** How long a sync took (or has taken so far): "45 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(run: Pick<SyncRun, 'startedAt' | 'finishedAt'>, now = Date.now()): string {
  if (!run.startedAt) {
    return '–';
  }
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  const seconds = Math.max(0, Math.round((end - Date.parse(run.startedAt)) / 1000));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ${seconds % 60} s`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Hours for the daily sync, in UK time: "00:00" to "23:00". */
export const SYNC_HOUR_OPTIONS: readonly SelectOption<string>[] = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));
