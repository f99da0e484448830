export * from './academic-year';
export * from './clock';
export * from './domain-error';
export * from './ids';
export * from './money';
export * from './page';
export * from './unit-of-work';
export * from './uk-time';
