import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|css|html|svg)$/;
/** Below this a compressed copy saves less than its own headers. */
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes a `.br` and a `.gz` copy beside each text file of the build, compressed once at build time at the
 * strongest settings, for static hosts that serve precompressed files (`serveWeb` through sirv, nginx's
 * `brotli_static` and `gzip_static`). A phone on a slow connection then downloads about a third of the bytes.
 */
export function precompress(): Plugin {
  return {
    name: 'rowan:precompress',
    apply: 'build',
    enforce: 'post',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((name) => TEXT.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(dir, name);
          const source = await readFile(path);
          if (source.length < MIN_BYTES) {
            return;
          }
          await writeFile(
            `${path}.br`,
            await brotli(source, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
          );
          await writeFile(`${path}.gz`, await gz(source, { level: constants.Z_BEST_COMPRESSION }));
        }),
      );
    },
  };
}
