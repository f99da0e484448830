import type request from 'supertest';

export interface Operation {
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  readonly path: string;
  readonly operationId: string;
  readonly permission: string | undefined;
  readonly pathParams: readonly string[];
  readonly hasBody: boolean;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { operationId: string; 'x-rowan-permission'?: string; requestBody?: unknown }>
  >;
}

/** Every operation in the document. */
export function operations(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method as Operation['method'],
      path,
      operationId: op.operationId,
      permission: op['x-rowan-permission'],
      pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      hasBody: op.requestBody !== undefined,
    })),
  );
}

/** A valid body for each operation that takes one, so validation passes and authorisation is what answers. */
const WALK_MESSAGE = {
  audience: { kind: 'contacts' },
  content: { email: { subject: 'Walk', html: '<p>Walk</p>', text: 'Walk' } },
  policy: 'email',
};

const WALK_EVENT = {
  kind: 'trip',
  title: 'Walk trip',
  startsAt: '2030-06-01T09:00:00.000Z',
  endsAt: '2030-06-01T15:00:00.000Z',
  capacity: 10,
  eligibility: { ncYears: [5] },
};

const WALK_EVENING = {
  title: 'Walk evening',
  slotMinutes: 10,
  mode: 'in_person',
  eligibility: { ncYears: [5] },
  teachers: [
    {
      staffId: '00000000-0000-4000-8000-000000000000',
      windows: [{ from: '2030-06-01T16:00:00.000Z', to: '2030-06-01T18:00:00.000Z' }],
    },
  ],
};

export const SAMPLE_BODIES: Record<string, () => object> = {
  createParentsEvening: () => WALK_EVENING,
  holdEveningSlot: () => ({
    pupilId: '00000000-0000-4000-8000-000000000000',
    slotId: '00000000-0000-4000-8000-000000000000',
  }),
  bookParentsEveningForMe: () => ({
    from: '2030-06-01T16:00:00.000Z',
    to: '2030-06-01T18:00:00.000Z',
    gapMinutes: 0,
  }),
  createEvent: () => WALK_EVENT,
  updateEvent: () => WALK_EVENT,
  previewEligible: () => ({ ncYears: [5] }),
  bookEventPlace: () => ({ pupilId: '00000000-0000-4000-8000-000000000000' }),
  bookPlace: () => ({
    eventId: '00000000-0000-4000-8000-000000000000',
    pupilId: '00000000-0000-4000-8000-000000000000',
  }),
  assignEventStaff: () => ({ staffId: '00000000-0000-4000-8000-000000000000', role: 'helper' }),
  takeEventRegister: () => ({ marks: [] }),
  saveConsentForm: () => ({
    questions: [
      { id: '00000000-0000-4000-8000-000000000001', kind: 'yes_no', label: 'May they swim?', required: true },
    ],
  }),
  giveConsent: () => ({ answers: [{ questionId: '00000000-0000-4000-8000-000000000001', value: true }] }),
  createTrust: () => ({ name: 'Walk Trust' }),
  inviteTrustAdmin: () => ({
    email: `walk-${Date.now()}@example.test`,
    givenName: 'Walk',
    familyName: 'Admin',
  }),
  createSchool: () => ({ name: 'Walk School', urn: String(100000 + Math.floor(Math.random() * 899999)) }),
  inviteStaff: () => ({
    email: `walk-${Date.now()}@example.test`,
    givenName: 'Walk',
    familyName: 'Teacher',
    role: 'teacher',
  }),
  changeMembershipRole: () => ({ role: 'office' }),
  connectMis: () => ({
    wondeSchoolId: 'A0000000001',
    token: 'walk-token-123456',
    baseUrl: 'http://127.0.0.1:1/v1.0/',
  }),
  requestSync: () => ({ mode: 'full' }),
  uploadDirectoryFiles: () => ({ staff: 'staff_id,forename,surname\nW1,Walk,Staff' }),
  estimateMessage: () => WALK_MESSAGE,
  sendMessage: () => WALK_MESSAGE,
  updateMessage: () => WALK_MESSAGE,
  updateCommunicationSettings: () => ({
    fallbackAfterMinutes: 60,
    quietHours: null,
    smsBudgetPence: null,
    approvalThreshold: null,
    smsSegmentPence: 4,
  }),
  updateTrustCommunicationSettings: () => ({ smsBudgetPence: 10_000 }),
  refundBooking: () => ({ amountP: 100, reason: 'Walk' }),
  savePaymentSettings: () => ({ stripeAccountId: null, cancellationRefund: 'full' }),
  endSchoolContract: () => ({ endsOn: '2031-08-31' }),
};

export function requestFor(
  agent: ReturnType<typeof request>,
  op: Operation,
  params: Record<string, string>,
): request.Test {
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (!value) {
      throw new Error(`No value for path parameter ${name} of ${op.operationId}`);
    }
    return value;
  });
  const test = agent[op.method](url);
  const body = SAMPLE_BODIES[op.operationId];
  return body ? test.send(body()) : test;
}
