import type request from 'supertest';

export interface Operation {
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  readonly path: string;
  readonly operationId: string;
  readonly permission: string | undefined;
  readonly pathParams: readonly string[];
  readonly hasBody: boolean;
  /** False for the routes the document lists without a security requirement (anyone may call them). */
  readonly authenticated: boolean;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; 'x-rowan-permission'?: string; requestBody?: unknown; security?: unknown[] }
    >
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
      authenticated: (op.security ?? []).length > 0,
    })),
  );
}

/** The placeholder the sample bodies give for an id; `requestFor` can put the walk's own ids in its place. */
export const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

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
      staffId: PLACEHOLDER_ID,
      windows: [{ from: '2030-06-01T16:00:00.000Z', to: '2030-06-01T18:00:00.000Z' }],
    },
  ],
};

export const SAMPLE_BODIES: Record<string, () => object> = {
  createParentsEvening: () => WALK_EVENING,
  holdEveningSlot: () => ({
    pupilId: PLACEHOLDER_ID,
    slotId: PLACEHOLDER_ID,
  }),
  bookParentsEveningForMe: () => ({
    from: '2030-06-01T16:00:00.000Z',
    to: '2030-06-01T18:00:00.000Z',
    gapMinutes: 0,
  }),
  createEvent: () => WALK_EVENT,
  updateEvent: () => WALK_EVENT,
  previewEligible: () => ({ ncYears: [5] }),
  bookEventPlace: () => ({ pupilId: PLACEHOLDER_ID }),
  bookPlace: () => ({
    eventId: PLACEHOLDER_ID,
    pupilId: PLACEHOLDER_ID,
  }),
  assignEventStaff: () => ({ staffId: PLACEHOLDER_ID, role: 'helper' }),
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

/** The body with each `<name>Id` field holding the placeholder replaced by `ids[<name>Id]`, where given. */
function withIds(value: unknown, ids: Record<string, string>, key?: string): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => withIds(v, ids));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIds(v, ids, k)]));
  }
  return value === PLACEHOLDER_ID && key && ids[key] ? ids[key] : value;
}

/** The fields of the operation's sample body that hold an id (the placeholder), at any depth. */
export function bodyIdFields(op: Operation): string[] {
  const fields = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v) => visit(v));
    } else if (value && typeof value === 'object') {
      Object.entries(value).forEach(([k, v]) => visit(v, k));
    } else if (value === PLACEHOLDER_ID && key) {
      fields.add(key);
    }
  };
  visit(SAMPLE_BODIES[op.operationId]?.());
  return [...fields];
}

/**
 * The operation's request with `params` in its path; with `bodyIds`, those ids in place of the placeholder ids
 * of its sample body (so a walk can send, say, another school's pupil in a booking).
 */
export function requestFor(
  agent: ReturnType<typeof request>,
  op: Operation,
  params: Record<string, string>,
  options: { bodyIds?: Record<string, string> } = {},
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
  if (!body) {
    return test;
  }
  return test.send(options.bodyIds ? (withIds(body(), options.bodyIds) as object) : body());
}
