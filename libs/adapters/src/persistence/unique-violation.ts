import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** A unique key said no: MikroORM's exception, or the driver's own error (1062) when the statement ran raw. */
export const isUniqueViolation = (error: unknown): error is Error =>
  error instanceof UniqueConstraintViolationException ||
  (error instanceof Error && (error as { errno?: number }).errno === 1062);
