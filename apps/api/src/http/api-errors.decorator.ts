import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';
import { PROBLEM_CONTENT_TYPE } from './problem-details.filter';

const problem = (status: number, description: string) =>
  ApiResponse({
    status,
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDto' } } },
  });

/** The problems any authenticated route can answer, documented once. */
export function ApiProblems(...extra: Array<400 | 404 | 409 | 503>) {
  return applyDecorators(
    ApiBearerAuth(),
    problem(401, 'Missing, invalid or expired token, or staff without MFA'),
    problem(403, 'Your role does not allow this'),
    problem(429, 'Too many requests'),
    ...extra.map((status) =>
      problem(
        status,
        {
          400: 'Invalid request; `errors` names each field',
          404: 'Not found (or not yours)',
          409: 'Conflicts with the current state',
          503: 'A provider (such as Stripe) did not answer; nothing changed, try again',
        }[status],
      ),
    ),
  );
}

export { ProblemDto };
