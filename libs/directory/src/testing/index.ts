export * from './directory-testbed';
export * from './in-memory-school.repository';
export * from './in-memory-trust.repository';
