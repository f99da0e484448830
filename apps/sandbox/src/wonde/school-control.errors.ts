/** A control request that names a record or year the school does not have (HTTP 400 over the control API). */
export class SchoolControlError extends Error {
  override readonly name = 'SchoolControlError';
}
