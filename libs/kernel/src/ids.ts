declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type TrustId = Brand<string, 'TrustId'>;
export type SchoolId = Brand<string, 'SchoolId'>;
export type UserId = Brand<string, 'UserId'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Makes identifiers; time-ordered (UUIDv7) in production so keys and cursors sort by creation. */
export abstract class IdGenerator {
  abstract next(): string;
}
