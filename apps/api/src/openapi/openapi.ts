import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDto } from '../http/problem.dto';

const TAGS: Array<[string, string]> = [
  ['Me', 'The signed-in person'],
  ['Trusts', 'Multi-academy trusts and their administrators'],
  ['Schools', 'Schools in a trust'],
  ['Staff memberships', 'Who works at a school, and in what role'],
  ['Audit', 'Who changed what'],
  ['Directory', 'Pupils, contacts and staff from the school’s MIS'],
  ['MIS sync', 'Connecting a school’s MIS and syncing from it'],
  ['Parents', 'Parent accounts and what parents see'],
  ['Messages', 'Compose once; deliver by app, email or SMS; track every delivery'],
  ['Events', 'Trips and clubs: invitations, bookings and waiting lists'],
  ['Payments', 'Card payments through Stripe: a booking’s ledger, refunds, reconciliation and settings'],
  [
    'Data protection',
    'Subject access exports; leavers kept two academic years then anonymised; a school’s data destroyed 30 days after its contract ends',
  ],
  ['Reports', 'Participation, equity and trust reports on events, as JSON or streamed CSV and Excel files'],
  ['Health', 'Liveness and readiness for load balancers'],
];

/** The OpenAPI 3.1 document, generated from the controllers and DTOs. */
export function buildOpenApiDocument(
  app: INestApplication,
  serverUrl = 'http://127.0.0.1:3000',
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Rowan API')
    .setDescription(
      'Rowan helps schools and multi-academy trusts talk to families and run their events. ' +
        'All endpoints are under /api/v1, take and return JSON, and answer errors as RFC 9457 application/problem+json. ' +
        'Authenticate with an OAuth 2.0 access token (RS256 JWT) from the identity provider.',
    )
    .setVersion('1.0.0')
    .setContact('Rowan maintainers', 'https://rowan.school', 'maintainers@rowan.school')
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer(serverUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  TAGS.forEach(([name, description]) => builder.addTag(name, description));
  return SwaggerModule.createDocument(app, builder.build(), { extraModels: [ProblemDto] });
}
