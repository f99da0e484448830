// The compliance context's public API: retention, anonymisation, contract-end destruction, subject access export.
export * from './domain/retention';
