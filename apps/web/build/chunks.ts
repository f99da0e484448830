/**
 * Names the output chunk of each module by the areas that use it, so the split follows the product:
 * - `vendor`: third-party code (Vue, the router, Pinia, oidc-client-ts, openapi-fetch), cached across releases;
 * - `vendor-staff`: third-party code only the staff area reaches (the email editor, Tiptap and ProseMirror), so
 *   the parent area's budget never pays for it;
 * - `charts`: chart.js and vue-chartjs, which only the staff reports load, lazily (never the parent area);
 * - a library only ever imported lazily (oidc-client-ts, which a signed-in page does not need at boot) gets a
 *   chunk of its own;
 * - `staff`, `parent`, `auth`: code only that area reaches;
 * - `shared`: app code (UI kit, helpers) reached by more than one area;
 * - null: code the entry needs at boot (router, session, API client) stays in the entry chunk.
 *
 * A module belongs to the areas of the modules that statically import it; a module nothing imports
 * statically (a lazily loaded page) belongs to the area its folder names.
 */
type Area = 'entry' | 'staff' | 'parent' | 'auth';

interface ModuleGraph {
  getModuleInfo(id: string): { importers: readonly string[] } | null;
}

const AREA_BY_PATH: readonly [RegExp, Area][] = [
  [/[\\/]src[\\/]main\.ts$/, 'entry'],
  [/[\\/]src[\\/]features[\\/]parent[\\/]/, 'parent'],
  [/[\\/]src[\\/]features[\\/](auth|errors)[\\/]/, 'auth'],
  [/[\\/]src[\\/]features[\\/]/, 'staff'],
];

/** chart.js, its wrapper and the one component that draws with them: a chunk only a report page asks for. */
const CHARTING =
  /[\\/]node_modules[\\/](chart\.js|vue-chartjs|@kurkle[\\/]color)[\\/]|[\\/]features[\\/]messaging-reports[\\/]components[\\/]report-charts\.vue/;

export function chunkName(id: string, graph: ModuleGraph): string | null {
  if (CHARTING.test(id)) {
    return 'charts';
  }
  const areas = areasOf(id, graph, new Set());
  if (/[\\/]node_modules[\\/]/.test(id)) {
    if (areas.size === 0) {
      // Only imported lazily (the OIDC library, loaded on first use): a chunk of its own, never in `vendor`.
      return null;
    }
    return areas.size === 1 && areas.has('staff') ? 'vendor-staff' : 'vendor';
  }
  if (areas.has('entry') || areas.size === 0) {
    return null;
  }
  return areas.size > 1 ? 'shared' : ([...areas][0] ?? null);
}

function areasOf(id: string, graph: ModuleGraph, seen: Set<string>): Set<Area> {
  seen.add(id);
  const file = id.split('?')[0] ?? id;
  if (/[\\/]src[\\/]main\.ts$/.test(file)) {
    return new Set(['entry']);
  }
  const areas = new Set<Area>();
  for (const importer of graph.getModuleInfo(id)?.importers ?? []) {
    if (!seen.has(importer)) {
      areasOf(importer, graph, seen).forEach((a) => areas.add(a));
    }
  }
  if (areas.size === 0) {
    const own = AREA_BY_PATH.find(([pattern]) => pattern.test(file))?.[1];
    if (own) {
      areas.add(own);
    }
  }
  return areas;
}
