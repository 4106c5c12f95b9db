/** What the usage counters count: token vends and token renewals, each by outcome. */
export type UsageMetric = 'vend' | 'refresh';

/** How many times something happened in one environment in one hour (`YYYY-MM-DDTHH`, UTC). */
export interface UsageCount {
  environment_id: string;
  hour: string;
  metric: string;
  outcome: string;
  count: number;
}
