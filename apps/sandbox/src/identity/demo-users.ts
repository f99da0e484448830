/**
 * The people of the demo trust. The sandbox identity provider knows them (password `rowan-demo`,
 * one-time code `123456`), and the demo seed gives them their Rowan memberships by the same ids.
 */
export interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  /** FusionAuth application roles. `operator` is the platform operator (creates trusts, sees queues). */
  readonly roles: readonly string[];
}

export const DEMO_PASSWORD = 'rowan-demo';
export const DEMO_MFA_CODE = '123456';

export const DEMO_USERS = {
  operator: {
    id: '0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e01',
    email: 'ops@rowan.test',
    givenName: 'Priya',
    familyName: 'Shah',
    roles: ['operator'],
  },
  trustAdmin: {
    id: '0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e02',
    email: 'amara.okafor@oakfield-trust.test',
    givenName: 'Amara',
    familyName: 'Okafor',
    roles: [],
  },
  oakfieldAdmin: {
    id: '0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e03',
    email: 'hannah.price@oakfield-primary.test',
    givenName: 'Hannah',
    familyName: 'Price',
    roles: [],
  },
  oakfieldOffice: {
    id: '0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e04',
    email: 'dylan.evans@oakfield-primary.test',
    givenName: 'Dylan',
    familyName: 'Evans',
    roles: [],
  },
  oakfieldTeacher: {
    id: '0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e05',
    email: 'siobhan.oneill@oakfield-primary.test',
    givenName: 'Siobhán',
    familyName: "O'Neill",
    roles: [],
  },
  birchwoodAdmin: {
    id: '0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e06',
    email: 'tomasz.nowak@birchwood-academy.test',
    givenName: 'Tomasz',
    familyName: 'Nowak',
    roles: [],
  },
  cedarAdmin: {
    id: '0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e07',
    email: 'cerys.jones@cedar-infants.test',
    givenName: 'Cerys',
    familyName: 'Jones',
    roles: [],
  },
  /**
   * A parent at Oakfield: the sandbox Wonde's Tommy Harris, a carer of Arlo Cooper-Harris (Year 5, Pupil Premium),
   * by the email the MIS holds for him. The demo links him to that contact once the first sync has brought it in
   * (scripts/link-demo-parent.ts).
   */
  oakfieldParent: {
    id: '0b9a1c6e-5d1f-4a51-9a55-7f1c2b3d4e08',
    email: 'tommy.harris@example.org',
    givenName: 'Tommy',
    familyName: 'Harris',
    roles: [],
  },
} as const satisfies Record<string, DemoUser>;
