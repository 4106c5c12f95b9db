/** What `/ready` reports: the database answers, and every migration this code ships is applied. */
export type Readiness =
  | { ready: true }
  | { ready: false; database: 'unreachable' }
  | { ready: false; database: 'ok'; pending_migrations: string[] };
