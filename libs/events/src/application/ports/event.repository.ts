import type { Page, PageRequest, SchoolId } from '@rowan/kernel';
import type { EventStatus, SchoolEvent } from '../../domain/event';

export abstract class EventRepository {
  abstract findForSchool(schoolId: SchoolId, id: string): Promise<SchoolEvent | null>;
  /** A published event by id alone (a parent books from their child's school, checked by the use case). */
  abstract findById(id: string): Promise<SchoolEvent | null>;
  /** Keyed by id alone, outside any tenant scope: for the worker, which scopes itself by the event's school. */
  abstract findForWorker(id: string): Promise<SchoolEvent | null>;
  /** Newest first; only those in `status` when it is given. */
  abstract listForSchool(
    schoolId: SchoolId,
    page: PageRequest,
    status?: EventStatus,
  ): Promise<Page<SchoolEvent>>;
  abstract add(event: SchoolEvent): void;
  /** Moves the event's status at once, only if it is still `from`; true if it moved. */
  abstract moveStatus(id: string, from: EventStatus, to: EventStatus, at: Date): Promise<boolean>;
  abstract recordInvitationMessage(id: string, messageId: string): Promise<void>;
}
