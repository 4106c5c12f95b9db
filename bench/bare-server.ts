import Fastify from 'fastify';

/**
 * The ceiling each OpenPipes route is measured against: a bare Fastify server, logger off,
 * answering the same method and path with a static JSON body of the same size as OpenPipes'
 * answer. `BENCH_ROUTES` is a JSON list of `{ method, url, body }` (url in Fastify's syntax).
 */
const routes = JSON.parse(process.env.BENCH_ROUTES ?? '[]') as { method: 'GET' | 'POST' | 'PUT'; url: string; body: string }[];
const app = Fastify({ logger: false });
for (const { method, url, body } of routes) {
  app.route({ method, url, handler: async (_request, reply) => reply.type('application/json; charset=utf-8').send(body) });
}
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
