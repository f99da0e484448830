// The compliance context's public API: retention, anonymisation, contract-end destruction, subject access export.
export * from './domain/retention';
export * from './domain/subject-access';
export * from './application/subject-access/personal-data.ports';
export * from './application/subject-access/export-subject-access.use-case';
export * from './application/subject-access/subject-access.html';
