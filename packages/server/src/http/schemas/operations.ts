import { Type, type TSchema } from 'typebox';
import { ErrorBody } from './common.ts';

/** The probes and metrics: no API key (orchestrators and scrapers call them), tagged apart from the API. */
export const operationsSchema = (summary: string, response: Record<number, TSchema>, tokenProtected = false) => ({
  schema: {
    tags: ['Operations'],
    summary,
    security: tokenProtected ? [{ metricsToken: [] }] : [],
    response,
  },
});

export const Health = Type.Object(
  { status: Type.Literal('ok') },
  { title: 'Health', description: 'The process is up (liveness); says nothing about the database.', examples: [{ status: 'ok' }] },
);

export const Ready = Type.Object(
  { status: Type.Literal('ready') },
  {
    title: 'Ready',
    description: 'The database answers and every migration this version ships is applied.',
    examples: [{ status: 'ready' }],
  },
);

export const NotReady = Type.Object(
  {
    status: Type.Literal('not_ready'),
    database: Type.Enum(['ok', 'unreachable'], { description: '`unreachable`: no answer within 2 seconds, or an error.' }),
    pending_migrations: Type.Optional(Type.Array(Type.String(), { description: 'Migrations this version ships that are not applied.' })),
  },
  {
    title: 'NotReady',
    description:
      'Not ready: the database does not answer, or migrations are pending (run openpipes migrate, or start one instance of the new version).',
    examples: [
      { status: 'not_ready', database: 'unreachable' },
      { status: 'not_ready', database: 'ok', pending_migrations: ['0006-flow-handoff'] },
    ],
  },
);

export const MetricsResponse = {
  200: {
    description: 'Prometheus text exposition format (version 0.0.4).',
    content: {
      'text/plain': {
        schema: Type.String({
          examples: [
            '# HELP openpipes_vends_total Answered token and credential vends by route and outcome.\n# TYPE openpipes_vends_total counter\nopenpipes_vends_total{route="token",outcome="ok"} 42\n',
          ],
        }),
      },
    },
  },
  401: { ...ErrorBody, description: 'OPENPIPES_METRICS_TOKEN is set and the request did not send it as a bearer token.' },
} as unknown as Record<number, TSchema>;
