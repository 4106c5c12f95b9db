import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock.ts';
import { ConfigError, loadConfig, unknownVariableWarnings, type Config } from '../app/config.ts';
import { parseOrigin } from '../environments/origin.ts';
import { KeyringError } from '../crypto/keyring.ts';
import { ApiKeyService } from '../environments/api-key-service.ts';
import { DEFAULT_ENVIRONMENT, EnvironmentService } from '../environments/environment-service.ts';
import { AppError, usageError } from '../core/errors.ts';
import { boot, loadKeyring, openStore, type Logger } from '../app/main.ts';
import { DeliveryService } from '../webhooks/delivery-service.ts';
import { OperatorService } from '../operators/operator-service.ts';
import { adminCommand, readNewPassword } from './admin-commands.ts';
import { webhookCommand } from './webhook-commands.ts';
import { keyCommand } from './key-commands.ts';
import { providerCommand } from './provider-commands.ts';

const USAGE = `openpipes — connected accounts and credential vending

  openpipes serve                                   start the HTTP service (configured by environment variables)
  openpipes migrate                                 apply database migrations and exit
  openpipes environments create NAME [--production] [--return-origin URL …]
  openpipes environments list
  openpipes environments set NAME [--return-origin URL …] [--confirmation-screen on|off]
  openpipes api-keys create [--environment NAME] [--name LABEL]   prints the key once
  openpipes api-keys list [--environment NAME]
  openpipes api-keys revoke KEY_ID
  openpipes providers list                          the built-in provider catalog
  openpipes providers show SLUG                     one provider's facts (endpoints, PKCE, encodings, …), each with its source
  openpipes webhooks list                           webhook endpoints of every environment, with a health label
  openpipes webhooks deliveries ENDPOINT_ID [--limit N]   deliveries and their latest attempt
  openpipes webhooks resend DELIVERY_ID             queue a delivery again now
  openpipes admin create USERNAME                   a dashboard operator; the password is read from standard input
  openpipes admin set-password USERNAME             replace an operator's password (ends their sessions)
  openpipes admin list                              dashboard operators
  openpipes keys status                             sealed values per encryption key id, per table
  openpipes keys add                                key file: a new key, not primary yet (rotation step 1)
  openpipes keys promote KEY_ID                     key file: make it the primary key (step 2)
  openpipes keys reencrypt [--batch-size N] [--max-batches N]   re-seal every value under the primary key, online, resumable (step 3)
  openpipes keys remove KEY_ID                      key file: drop a key no value uses any more

Configuration: PORT, HOST, OPENPIPES_DATABASE_URL, OPENPIPES_DATA_DIR, OPENPIPES_ENCRYPTION_KEYS,
OPENPIPES_API_KEY, OPENPIPES_ADMIN_PASSWORD, OPENPIPES_PUBLIC_URL, OPENPIPES_ALLOWED_RETURN_ORIGINS,
OPENPIPES_ALLOW_INSECURE_PROVIDER_URLS, OPENPIPES_LOG_LEVEL, OPENPIPES_REQUEST_TIMEOUT_SECONDS, … (see README.md).`;

const log: Logger = {
  info: (m) => process.stderr.write(`${m}\n`),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
};

const table = (rows: Record<string, string>[]): string => {
  if (rows.length === 0) return '(none)';
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(width[i]!))
      .join('  ')
      .trimEnd();
  return [line(cols), ...rows.map((r) => line(cols.map((c) => r[c] ?? '')))].join('\n');
};

async function serve(config: Config): Promise<void> {
  const runtime = await boot(config, log);
  const { app } = runtime;
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await runtime.close();
    throw listenError(e, config);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info(
    `OpenPipes listening on http://${config.host}:${port} (${config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL'})`,
  );
  const firstKey = await runtime.createFirstApiKey();
  if (firstKey) process.stdout.write(`\nYour first API key (shown once; store it now):\n\n  ${firstKey}\n\n`);
  const stop = async () => {
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A failed listen as one line naming the variable to change; anything else as it came. */
function listenError(e: unknown, config: Config): unknown {
  const where = `${config.host}:${config.port}`;
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new ConfigError('PORT', `${where} is already in use; choose another PORT`);
    case 'EACCES':
      return new ConfigError('PORT', `${where} needs privileges this process does not have; choose a PORT above 1023`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return new ConfigError(
        'HOST',
        `"${config.host}" does not resolve to an address; use an interface address such as 127.0.0.1 or 0.0.0.0`,
      );
    case 'EADDRNOTAVAIL':
      return new ConfigError('HOST', `"${config.host}" is not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of its own`);
    default:
      return e;
  }
}

/** Commands that need the store but not the HTTP server. */
async function withStore<T>(
  config: Config,
  fn: (ctx: {
    environments: EnvironmentService;
    apiKeys: ApiKeyService;
    webhooks: DeliveryService;
    operators: OperatorService;
  }) => Promise<T>,
): Promise<T> {
  const keyring = loadKeyring(config, { ...log, warn: () => undefined });
  const { store, close } = await openStore(config, keyring);
  try {
    const environments = new EnvironmentService({ store, clock: systemClock });
    await environments.ensureDefault(config.allowedReturnOrigins);
    return await fn({
      environments,
      apiKeys: new ApiKeyService({ store, clock: systemClock }),
      webhooks: new DeliveryService({ store, clock: systemClock }),
      operators: new OperatorService({ store, clock: systemClock }),
    });
  } finally {
    await close();
  }
}

export async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      environment: { type: 'string' },
      name: { type: 'string' },
      production: { type: 'boolean' },
      'return-origin': { type: 'string', multiple: true },
      'confirmation-screen': { type: 'string' },
      limit: { type: 'string' },
      'batch-size': { type: 'string' },
      'max-batches': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 1;
  }
  // Before the configuration is read: a typo can be the reason it is refused.
  for (const warning of unknownVariableWarnings(env)) log.warn(warning);
  const config = loadConfig(env);
  const out = (s: string) => process.stdout.write(`${s}\n`);

  switch (`${command} ${sub ?? ''}`.trim()) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate':
      await withStore(config, async () => undefined);
      out('Migrations are up to date.');
      return 0;
    case 'environments create':
      if (!arg) throw usageError('usage: openpipes environments create NAME');
      await withStore(config, async ({ environments }) => {
        const origins = (values['return-origin'] ?? []).map((raw) => {
          const origin = parseOrigin(raw);
          if (!origin) throw usageError(`--return-origin "${raw}" is not an origin like https://app.example.com`);
          return origin;
        });
        const row = await environments.create(arg, { production: values.production ?? false, allowedReturnOrigins: origins });
        out(`Created environment ${row.name} (${row.id}).`);
      });
      return 0;
    case 'environments set': {
      if (!arg) throw usageError('usage: openpipes environments set NAME [--return-origin URL …] [--confirmation-screen on|off]');
      const screen = values['confirmation-screen'];
      if (screen !== undefined && screen !== 'on' && screen !== 'off') throw usageError('--confirmation-screen takes on or off');
      const origins = values['return-origin']?.map((raw) => {
        const origin = parseOrigin(raw);
        if (!origin) throw usageError(`--return-origin "${raw}" is not an origin like https://app.example.com`);
        return origin;
      });
      await withStore(config, async ({ environments }) => {
        const row = await environments.configure(arg, {
          ...(origins ? { allowedReturnOrigins: origins } : {}),
          ...(screen ? { confirmationScreen: screen === 'on' } : {}),
        });
        out(
          `Environment ${row.name}: return origins ${row.allowed_return_origins.join(', ') || '(none)'}; confirmation screen ${row.confirmation_screen ? 'on' : 'off'}.`,
        );
      });
      return 0;
    }
    case 'environments list':
      await withStore(config, async ({ environments }) => {
        const rows = await environments.list();
        out(
          table(
            rows.map((r) => ({
              id: r.id,
              name: r.name,
              production: r.production ? 'yes' : 'no',
              confirmation: r.confirmation_screen ? 'on' : 'off',
              return_origins: r.allowed_return_origins.join(','),
            })),
          ),
        );
      });
      return 0;
    case 'api-keys create':
      await withStore(config, async ({ environments, apiKeys }) => {
        const envRow = await environments.byName(values.environment ?? DEFAULT_ENVIRONMENT);
        const { key, row } = await apiKeys.create(envRow, values.name ?? 'cli');
        log.info(`Created API key ${row.id} for environment ${envRow.name}. It is shown once:`);
        out(key);
      });
      return 0;
    case 'api-keys list':
      await withStore(config, async ({ environments, apiKeys }) => {
        const envs = await environments.list();
        const only = values.environment ? (await environments.byName(values.environment)).id : undefined;
        const names = new Map(envs.map((e) => [e.id, e.name]));
        const rows = await apiKeys.list(only);
        out(
          table(
            rows.map((r) => ({
              id: r.id,
              environment: names.get(r.environment_id) ?? r.environment_id,
              name: r.name,
              key: `…${r.last4}`,
              created_at: r.created_at,
              last_used_at: r.last_used_at ?? '-',
              status: r.revoked_at ? `revoked ${r.revoked_at}` : 'active',
            })),
          ),
        );
      });
      return 0;
    case 'api-keys revoke':
      if (!arg) throw usageError('usage: openpipes api-keys revoke KEY_ID');
      await withStore(config, async ({ apiKeys }) => {
        await apiKeys.revoke(arg);
        out(`Revoked ${arg}.`);
      });
      return 0;
    case `providers ${sub}`:
      return providerCommand(sub, arg, { out, table, usage: usageError });
    case `webhooks ${sub}`:
      await withStore(config, async ({ environments, webhooks }) => {
        const environmentNames = new Map((await environments.list()).map((e) => [e.id, e.name]));
        await webhookCommand(sub, arg, values, { webhooks, environmentNames, out, table, usage: usageError });
      });
      return 0;
    case `keys ${sub}`:
      return keyCommand(sub, arg, values, { config, log, out, table, usage: usageError, progress: process.stderr });
    case `admin ${sub}`: {
      // Read before the store opens, so a prompt never holds a database connection.
      const password = (sub === 'create' || sub === 'set-password') && arg ? await readNewPassword(usageError) : '';
      await withStore(config, ({ operators }) => adminCommand(sub, arg, password, { operators, out, usage: usageError }));
      return 0;
    }
    default:
      process.stderr.write(`Unknown command "${positionals.join(' ')}".\n\n${USAGE}\n`);
      return 1;
  }
}

const isMain = process.argv[1] && /(cli[\\/]main\.ts|openpipes(\.js)?)$/.test(process.argv[1]);
if (isMain) {
  run(process.argv.slice(2), process.env).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (e: unknown) => {
      if (e instanceof ConfigError || e instanceof KeyringError || e instanceof AppError) process.stderr.write(`openpipes: ${e.message}\n`);
      else process.stderr.write(`openpipes: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
