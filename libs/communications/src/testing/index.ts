export * from './recording-audience-directory';
export * from './in-memory-event-invitees';
export * from './in-memory-communication-settings';
