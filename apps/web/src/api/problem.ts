/** An RFC 9457 problem, as the API sends it (application/problem+json), turned into an Error the pages can show. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
  /** For an uploaded file: the line at fault (1 is the header). */
  readonly line?: number;
  /** For an uploaded file: the column at fault. */
  readonly column?: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  /** Rowan's stable error code, e.g. `ACCESS.NOT_A_MEMBER`. */
  readonly code?: string;
  /** Quoted to support so they can find the request in the logs. */
  readonly requestId?: string;
}

export class ApiError extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  readonly code: string | undefined;
  readonly requestId: string | undefined;

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.code = problem.code;
    this.requestId = problem.requestId;
  }

  /** The same problem with its field names under `prefix` (`email` -> `firstAdmin.email`), for forms that send two requests. */
  withFieldPrefix(prefix: string): ApiError {
    return new ApiError({
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      errors: this.fieldErrors.map((e) => ({ field: `${prefix}${e.field}`, message: e.message })),
      ...(this.code !== undefined ? { code: this.code } : {}),
      ...(this.requestId !== undefined ? { requestId: this.requestId } : {}),
    });
  }

  /** The message for one field (`email`, `firstAdmin.email`), if the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.message;
  }

  static network(): ApiError {
    return new ApiError({
      type: 'about:blank#network',
      title: 'We could not reach Rowan',
      status: 0,
      detail: 'Check your internet connection, then try again.',
    });
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const body = await response
      .clone()
      .json()
      .catch(() => null);
    const problem = toProblem(body, response);
    const requestId = problem.requestId ?? response.headers.get('x-request-id') ?? undefined;
    return new ApiError(requestId ? { ...problem, requestId } : problem);
  }
}

/** Turns anything thrown into an ApiError, so a page has one kind of error to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  return new ApiError({
    type: 'about:blank#client',
    title: 'Something went wrong',
    status: 0,
    detail: error instanceof Error ? error.message : 'Please try again.',
  });
}

function toProblem(body: unknown, response: Response): ProblemDetails {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const title = typeof record.title === 'string' ? record.title : defaultTitle(response.status);
  const errors = Array.isArray(record.errors)
    ? record.errors.filter(isFieldError).map((e) => ({
        field: e.field,
        message: e.message,
        ...(typeof e.line === 'number' ? { line: e.line } : {}),
        ...(typeof e.column === 'string' ? { column: e.column } : {}),
      }))
    : [];
  return {
    type: typeof record.type === 'string' ? record.type : 'about:blank',
    title,
    status: typeof record.status === 'number' ? record.status : response.status,
    ...(typeof record.detail === 'string' ? { detail: record.detail } : {}),
    errors,
    ...(typeof record.code === 'string' ? { code: record.code } : {}),
    ...(typeof record.requestId === 'string' ? { requestId: record.requestId } : {}),
  };
}

function isFieldError(value: unknown): value is FieldError {
  const v = value as Record<string, unknown> | null;
  return typeof v === 'object' && v !== null && typeof v.field === 'string' && typeof v.message === 'string';
}

function defaultTitle(status: number): string {
  if (status === 401) {
    return 'Your session has ended. Please sign in again.';
  }
  if (status === 403) {
    return 'You do not have permission to do that.';
  }
  if (status === 404) {
    return 'We could not find that. It may have been removed, or you may not have access to it.';
  }
  if (status >= 500) {
    return 'Rowan had a problem. Please try again in a few minutes.';
  }
  return 'Something went wrong. Please try again.';
}
