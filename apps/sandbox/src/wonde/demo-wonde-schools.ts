import type { StandInSchool } from './wonde-school';

/**
 * The demo trust's two schools as Wonde knows them (Rowan's ids and names: scripts/seed-demo.ts). The
 * sandbox serves them; the demo links each Rowan school to its Wonde id and token.
 */
export const DEMO_WONDE_SCHOOLS = {
  oakfield: {
    id: 'A1930499544',
    name: 'Oakfield Primary School',
    seed: 'oakfield',
    pupils: 210,
    phase: 'primary',
  },
  birchwood: {
    id: 'A2084930562',
    name: 'Birchwood Academy',
    seed: 'birchwood',
    pupils: 900,
    phase: 'secondary',
  },
} as const satisfies Record<string, Omit<StandInSchool, 'token'>>;

export const DEMO_WONDE_TOKEN = 'sandbox-wonde-token';

/** Both demo schools with one token (Wonde issues one per school; the demo needs no more). */
export function demoWondeSchools(token: string = DEMO_WONDE_TOKEN): StandInSchool[] {
  return Object.values(DEMO_WONDE_SCHOOLS).map((school) => ({ ...school, token }));
}
