import Fastify from 'fastify';

/**
 * The ceiling the vend path is measured against: a bare Fastify server answering the same body
 * to the same request (POST with a JSON body and an Authorization header), logger off.
 */
const body = process.env.BENCH_BODY ?? '{}';
const app = Fastify({ logger: false });
app.post('/data-integrations/:slug/token', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
