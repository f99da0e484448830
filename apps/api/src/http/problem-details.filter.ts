import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { DomainError, type ErrorKind, type FieldError } from '@rowan/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with Rowan's stable `code` and the fields at fault. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId?: string;
  errors?: readonly FieldError[];
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Temporarily unavailable',
};

/** One mapping from every error to problem+json: domain errors by kind, framework errors by status. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    void this.reply(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** Also Fastify's error handler, for errors raised before Nest sees the request. */
  reply(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const problem = this.toProblem(error, request);
    if (problem.status >= 500) {
      this.logger.error({ err: error, requestId: problem.requestId }, problem.detail);
    }
    return reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(error: unknown, request: FastifyRequest): ProblemDetails {
    const base = { instance: request.url, requestId: String(request.id) };
    if (error instanceof DomainError) {
      const status = STATUS_BY_KIND[error.kind];
      return {
        ...base,
        type: problemType(error.code),
        title: TITLES[status] ?? 'Error',
        status,
        detail: error.message,
        code: error.code,
        ...(error.fieldErrors.length ? { errors: error.fieldErrors } : {}),
      };
    }
    const status = httpStatusOf(error);
    if (status !== undefined && status < 500) {
      const code = `HTTP.${status}`;
      return {
        ...base,
        type: problemType(code),
        title: TITLES[status] ?? 'Error',
        status,
        detail: detailOf(error),
        code,
      };
    }
    return {
      ...base,
      type: problemType('HTTP.500'),
      title: TITLES[500]!,
      status: 500,
      detail: 'An unexpected error occurred. It has been logged with the request id.',
      code: 'HTTP.500',
    };
  }
}

function problemType(code: string): string {
  return `https://rowan.school/problems/${code.toLowerCase().replace(/[._]/g, '-')}`;
}

function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) {
    return error.getStatus();
  }
  // Fastify and its plugins throw errors carrying statusCode (body too large, bad JSON, rate limit).
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

function detailOf(error: unknown): string {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    if (typeof response === 'object' && response && 'message' in response) {
      const message = (response as { message: unknown }).message;
      return Array.isArray(message) ? message.join('; ') : String(message);
    }
    return error.message;
  }
  return error instanceof Error ? error.message : 'Request failed';
}
