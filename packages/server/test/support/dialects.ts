export type TestDialect = 'sqlite' | 'postgres';

/** The dialects a suite runs against: both, unless global-setup found no PostgreSQL off CI. */
export const DIALECTS: TestDialect[] = process.env.OPENPIPES_TEST_PG === 'off' ? ['sqlite'] : ['sqlite', 'postgres'];
