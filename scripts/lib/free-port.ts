import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The kernel's ephemeral range (where it picks the local port of every outgoing connection, and of `listen(0)`),
 * so that a port chosen here is outside it: a port taken from inside it and freed again can be handed to the
 * next outgoing connection (to MySQL, Redis) before our server listens on it.
 */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low && high) {
      return [low, high];
    }
  } catch {
    // not Linux: fall through
  }
  return [32768, 60999];
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port that was free a moment ago (for servers that must know each other's origins before starting): chosen at
 * random below the ephemeral range, so nothing but another such choice can take it before it is used.
 */
export async function freePort(): Promise<number> {
  const [low] = ephemeralRange();
  const from = Math.max(10_000, low - 20_000);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = randomInt(from, low);
    if (await canListen(port)) {
      return port;
    }
  }
  throw new Error('No free port found below the ephemeral range');
}
