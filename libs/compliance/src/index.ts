// The compliance context's public API: retention, anonymisation, contract-end destruction, subject access export.
export * from './domain/retention';
export * from './domain/compliance.errors';
export * from './application/ports/leavers';
export * from './application/ports/compliance.store';
export * from './application/retention/run-retention.use-case';
export * from './application/retention/read-retention.use-case';
export * from './application/contract-end/school-contract.use-case';
export * from './application/contract-end/destroy-school-data.use-case';
export * from './application/schedule-compliance-work.use-case';
export * from './domain/subject-access';
export * from './application/subject-access/personal-data.ports';
export * from './application/subject-access/export-subject-access.use-case';
export * from './application/subject-access/subject-access.html';
