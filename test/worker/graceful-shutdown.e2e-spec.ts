import { User } from '@rowan/access';
import { jobIds, QUEUES } from '@rowan/adapters/bullmq/queues';
import { redisConnection } from '@rowan/adapters/bullmq/redis-connection';
import { MikroORM } from '@mikro-orm/mysql';
import { ormOptions } from '@rowan/adapters/persistence/orm-config';
import { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Factories } from '../support/factories';
import { eventually } from '../support/eventually';
import {
  TEST_MIS_TOKEN_KEY,
  messagingSettings,
  TEST_APPLICATION_ID,
  testDatabaseUrl,
  testRedisPrefix,
  testRedisUrl,
} from '../support/test-env';

/**
 * A slow FusionAuth (each call takes 1.5 s) keeps a job in flight; SIGTERM then must let that job finish
 * (the user is linked) and the worker process exit cleanly.
 */
describe('worker: SIGTERM finishes the job in flight, then exits', () => {
  let orm: MikroORM;
  let slowFusionAuth: Server;
  let port: number;
  let requests = 0;
  const prefix = `${testRedisPrefix()}-shutdown`;

  beforeAll(async () => {
    orm = await MikroORM.init(ormOptions(testDatabaseUrl()));
    slowFusionAuth = createServer((req, res) => {
      requests++;
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        if (req.method === 'GET') {
          res.statusCode = 404;
          res.end('{}');
        } else {
          res.end(JSON.stringify({ user: { id: '5d3c0a7e-1111-4222-8333-944455556666' }, registration: {} }));
        }
      }, 1_500);
    });
    await new Promise<void>((resolve) => slowFusionAuth.listen(0, '127.0.0.1', resolve));
    port = (slowFusionAuth.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await orm.close(true);
    slowFusionAuth.closeAllConnections();
    await new Promise((resolve) => slowFusionAuth.close(resolve));
  });

  it('completes the running job before exiting with code 0', async () => {
    const user = await new Factories(orm).user();
    await orm.em.fork().nativeUpdate(User, { id: user.id }, { identitySubject: null });

    const worker = spawn(process.execPath, [path.resolve(__dirname, '../../dist/apps/worker/src/main.js')], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: testRedisUrl(),
        REDIS_PREFIX: prefix,
        FUSIONAUTH_URL: `http://127.0.0.1:${port}`,
        FUSIONAUTH_API_KEY: 'sandbox-api-key',
        OIDC_AUDIENCE: TEST_APPLICATION_ID,
        MIS_TOKEN_KEY: TEST_MIS_TOKEN_KEY,
        ...messagingSettings(),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));

    const queue = new Queue(QUEUES.access, { connection: redisConnection(testRedisUrl()), prefix });
    await queue.add('provision-identity', { userId: user.id }, { jobId: jobIds.provisionIdentity(user.id) });
    await eventually(async () => (requests > 0 ? true : undefined), 20_000);

    worker.kill('SIGTERM');
    const code = await exited;
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });

    const after = await orm.em.fork().findOneOrFail(User, { id: user.id });
    expect(after.identitySubject).toBe('5d3c0a7e-1111-4222-8333-944455556666');
    expect(await queue.getJobState(jobIds.provisionIdentity(user.id))).toBe('completed');
    await queue.obliterate({ force: true });
    await queue.close();
  }, 40_000);
});
