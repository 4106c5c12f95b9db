import type { DashboardDeps } from './deps.ts';
import { type BarChart, stackedBars } from './charts.ts';

const HOURS = 24;

const named = (keys: readonly string[]) => keys.map((key) => ({ key, name: key.replace(/_/g, ' ') }));

const STATES = named(['connected', 'needs_reauthorization', 'disconnected']);
const VENDS = named(['active', 'not_installed', 'needs_reauthorization', 'unavailable']);
const REFRESHES = named(['refreshed', 'invalid_grant', 'temporary', 'rejected', 'malformed']);
const DELIVERIES = named(['delivered', 'failed']);

/** Counts by category and series key, read with a zero for anything absent. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(category: string, series: string, n: number): void {
    const key = `${category} ${series}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  get = (category: string, series: string): number => this.counts.get(`${category} ${series}`) ?? 0;
}

/**
 * The overview's charts: connections by provider and state (every environment), and the last 24
 * hours of vends and refreshes (the usage counters, as flushed) and webhook attempts, by outcome.
 */
export async function activityCharts(deps: Pick<DashboardDeps, 'accounts' | 'usage' | 'webhookDeliveries'>): Promise<BarChart[]> {
  const hours = deps.usage.lastHours(HOURS);
  const from = hours[0] ?? '';
  const [connections, usage, attempts] = await Promise.all([
    deps.accounts.countByProviderAndState(),
    deps.usage.since(null, from),
    deps.webhookDeliveries.attemptsByHour(from),
  ]);
  const byProvider = new Tally();
  for (const c of connections) byProvider.add(c.slug, c.state, c.count);
  const byHour = { vend: new Tally(), refresh: new Tally(), webhook: new Tally() };
  for (const u of usage) if (u.metric === 'vend' || u.metric === 'refresh') byHour[u.metric].add(u.hour, u.outcome, u.count);
  for (const a of attempts) byHour.webhook.add(a.hour, a.outcome, a.count);

  const hourly = { heading: 'Hour (UTC)', categories: hours.map((h) => ({ key: h, label: `${h.slice(11, 13)}:00` })), labelEvery: 6 };
  return [
    stackedBars({
      id: 'chart-connections',
      title: 'Connections by provider',
      heading: 'Provider',
      categories: [...new Set(connections.map((c) => c.slug))].map((slug) => ({ key: slug, label: slug })),
      series: STATES,
      value: byProvider.get,
    }),
    stackedBars({ id: 'chart-vends', title: 'Vends, last 24 hours', ...hourly, series: VENDS, value: byHour.vend.get }),
    stackedBars({ id: 'chart-refreshes', title: 'Refreshes, last 24 hours', ...hourly, series: REFRESHES, value: byHour.refresh.get }),
    stackedBars({
      id: 'chart-webhooks',
      title: 'Webhook deliveries, last 24 hours',
      ...hourly,
      series: DELIVERIES,
      value: byHour.webhook.get,
    }),
  ];
}
