import { startWondeStandIn } from '../../apps/sandbox/src/wonde/wonde-stand-in';

/** Child process for the benchmark: one generated school of the size asked for; prints its URL, then waits. */
async function main(): Promise<void> {
  const pupils = Number(process.argv[2] ?? 2000);
  const wonde = await startWondeStandIn({
    schools: [
      { id: 'A0000000BENCH', token: 'bench-token-123', seed: `bench-${pupils}`, pupils, phase: 'secondary' },
    ],
  });
  process.stdout.write(`${JSON.stringify({ url: wonde.url })}\n`);
  process.on('SIGTERM', () => void wonde.close().then(() => process.exit(0)));
}

void main();
