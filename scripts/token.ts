import 'reflect-metadata';
import { mintDemoToken } from '@marketpulse/auth';
import { AuthenticatedServiceConfig, loadConfig } from '@marketpulse/config';
// Tooling, not a service: it signs with the same secret the predictions service verifies with.

/**
 * `npm run token -- <user-id> [--admin] [--ttl <seconds>]`: prints a bearer token for local use, signed
 * with AUTH_JWT_SECRET (the development secret unless it is set).
 */
function main(): void {
  const args = process.argv.slice(2);
  const userId = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--ttl');
  if (!userId) {
    process.stderr.write('usage: npm run token -- <user-id> [--admin] [--ttl <seconds>]\n');
    process.exit(2);
  }
  const ttlIndex = args.indexOf('--ttl');
  const ttlSec = ttlIndex >= 0 ? Number(args[ttlIndex + 1]) : 24 * 3600;
  if (!Number.isInteger(ttlSec) || ttlSec <= 0) {
    process.stderr.write('--ttl must be a positive number of seconds\n');
    process.exit(2);
  }
  const config = loadConfig(AuthenticatedServiceConfig);
  const token = mintDemoToken(config.AUTH_JWT_SECRET, userId, {
    roles: args.includes('--admin') ? ['admin'] : [],
    ttlSec,
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
  });
  process.stdout.write(`${token}\n`);
}

main();
