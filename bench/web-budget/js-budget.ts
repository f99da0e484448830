import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of vite's build manifest (`dist/.vite/manifest.json`), keyed by its source or chunk id. */
interface ManifestChunk {
  readonly file: string;
  readonly name?: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}
type Manifest = Record<string, ManifestChunk>;

export type Area = 'parent' | 'staff' | 'sign-in';

export interface AreaBudget {
  readonly area: Area;
  /** The route tree's lazy chunk (the heaviest one, if the tree has several). */
  readonly lazyChunk: string;
  /** Every JS file a browser must load to render the area's first page, entry first. */
  readonly files: readonly string[];
  /** Their gzipped size (zlib's default level, as a web server compresses) in bytes. */
  readonly gzipBytes: number;
}

export interface JsBudget {
  readonly areas: readonly AreaBudget[];
  /** Chunks the entry imports lazily that are no route tree (a library loaded on first use): not initial. */
  readonly onDemand: ReadonlyArray<{ readonly file: string; readonly gzipBytes: number }>;
}

/**
 * The initial JavaScript of each route tree, from the manifest: the entry chunk and its static imports, plus each
 * chunk the entry imports lazily (a route tree: vite.config.ts splits the app into one chunk per area) and that
 * chunk's static imports. Lazy imports inside a tree (the staff reports' charts) are not initial, nor are the
 * entry's lazy imports of libraries it loads on first use (listed apart).
 */
export function measureAreas(distDir: string): JsBudget {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) {
    throw new Error(`No entry chunk in ${distDir}/.vite/manifest.json`);
  }
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gzipped.has(file)) {
      gzipped.set(file, gzipSync(readFileSync(join(distDir, file))).length);
    }
    return gzipped.get(file)!;
  };
  const entryFiles = staticClosure(manifest, entryKey);
  const heaviest = new Map<Area, AreaBudget>();
  const onDemand: Array<{ file: string; gzipBytes: number }> = [];
  for (const lazyKey of manifest[entryKey]!.dynamicImports ?? []) {
    const area = areaOf(manifest[lazyKey]!);
    if (!area) {
      const file = manifest[lazyKey]!.file;
      onDemand.push({ file, gzipBytes: sizeOf(file) });
      continue;
    }
    const files = [...new Set([...entryFiles, ...staticClosure(manifest, lazyKey)])].filter((f) =>
      f.endsWith('.js'),
    );
    const budget: AreaBudget = {
      area,
      lazyChunk: manifest[lazyKey]!.file,
      files,
      gzipBytes: files.reduce((sum, file) => sum + sizeOf(file), 0),
    };
    const current = heaviest.get(budget.area);
    if (!current || current.gzipBytes < budget.gzipBytes) {
      heaviest.set(budget.area, budget);
    }
  }
  return { areas: [...heaviest.values()].sort((a, b) => a.area.localeCompare(b.area)), onDemand };
}

/** The chunk's file and those of everything it imports statically, depth first, itself first. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) {
    return [];
  }
  seen.add(key);
  return [chunk.file, ...(chunk.imports ?? []).flatMap((k) => staticClosure(manifest, k, seen))];
}

/**
 * Which route tree a lazy chunk of the entry belongs to: an area chunk by its name (build/chunks.ts), or a page
 * by its source path if the build ever splits by page; null for anything else (a library loaded on demand).
 */
function areaOf(chunk: ManifestChunk): Area | null {
  const feature = /^src\/features\/([^/]+)\//.exec(chunk.src ?? '')?.[1];
  const name = feature ?? (chunk.src ? null : (chunk.name ?? null));
  if (name === 'parent') {
    return 'parent';
  }
  if (name === 'auth' || name === 'errors') {
    return 'sign-in';
  }
  return feature || name === 'staff' ? 'staff' : null;
}
