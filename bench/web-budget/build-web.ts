import { spawn } from 'node:child_process';

/**
 * The production build of the web app, as `npm run build:web` makes it (vite, with the manifest on). Its output
 * is kept quiet and shown only when the build fails.
 */
export function buildWeb(repoRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build:web'], { cwd: repoRoot, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) {
        resolve();
      } else {
        process.stderr.write(output);
        reject(new Error(`npm run build:web exited with ${code}`));
      }
    });
  });
}
