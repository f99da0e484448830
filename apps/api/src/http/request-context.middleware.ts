import { Injectable, type NestMiddleware } from '@nestjs/common';
import { workContext } from '@rowan/adapters/context/request-context';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Makes the request id available to audit records and logs for the whole request. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: IncomingMessage & { id?: unknown }, _res: ServerResponse, next: () => void): void {
    workContext.run({ requestId: String(req.id ?? req.headers['x-request-id'] ?? '') }, next);
  }
}
