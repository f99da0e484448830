import { ref } from 'vue';

export type AnnouncementTone = 'success' | 'error' | 'info';

export interface Announcement {
  readonly id: number;
  readonly message: string;
  readonly tone: AnnouncementTone;
}

const current = ref<Announcement | null>(null);
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Shows a short result ("Invitation sent to …") and reads it out through the app's live region. */
export function announce(message: string, tone: AnnouncementTone = 'success'): void {
  clearTimeout(timer);
  current.value = { id: nextId++, message, tone };
  timer = setTimeout(() => {
    current.value = null;
  }, 8000);
}

export function dismissAnnouncement(): void {
  clearTimeout(timer);
  current.value = null;
}

export function useAnnouncement() {
  return current;
}
