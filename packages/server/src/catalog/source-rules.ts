import type { ProviderEntry } from './provider-definition.ts';
import { type FactName, REQUIRED_API_KEY_FACTS, REQUIRED_OAUTH_FACTS, type Source, THIRD_PARTY_SOURCE_HOSTS } from './provider-sources.ts';

type Fail = (path: string, detail: string) => never;

/** A day of slack for clocks in other time zones: a fact checked "today" must never read as the future. */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

/** The facts `entry` sets to a value other than the default, each of which needs a source too. */
function nonDefaultFacts(entry: ProviderEntry): FactName[] {
  const facts: FactName[] = [];
  const o = entry.oauth;
  if (entry.hosts !== undefined) facts.push('hosts');
  if (!o) return facts;
  if (o.refreshTokenUrl !== undefined) facts.push('refreshTokenUrl');
  if (o.redirectUriOnRefresh === true) facts.push('redirectUriOnRefresh');
  if (Object.keys(o.scopeAliases ?? {}).length > 0) facts.push('scopeAliases');
  if ((o.tokenLifetimeSeconds ?? null) !== null || o.accessTokenNeverExpires === true) facts.push('tokenLifetime');
  if (o.refreshTokenRotates === true) facts.push('refreshToken');
  if ((o.callbackParams ?? []).length > 0) facts.push('callbackParams');
  if (o.tokenErrorInOkResponse || o.nestedUserToken || (o.scopeResponseField ?? null) !== null || (o.metadataFields ?? []).length > 0) {
    facts.push('tokenResponse');
  }
  if ((o.issuer ?? null) !== null) facts.push('issuer');
  return facts;
}

/** The facts `entry` must source: the required ones for its blocks, plus every non-default one. */
export function factsNeedingSources(entry: ProviderEntry): FactName[] {
  const needed = new Set<FactName>();
  if (entry.oauth) {
    for (const fact of REQUIRED_OAUTH_FACTS) {
      if (fact === 'authorizationUrl' && entry.oauth.authorizationUrl === null) continue;
      needed.add(fact);
    }
  }
  if (entry.apiKey) for (const fact of REQUIRED_API_KEY_FACTS) needed.add(fact);
  for (const fact of nonDefaultFacts(entry)) needed.add(fact);
  return [...needed];
}

const isThirdParty = (host: string) => THIRD_PARTY_SOURCE_HOSTS.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));

function checkSource(fact: string, source: Source, now: number, fail: Fail): void {
  const path = `/sources/${fact}`;
  const day = Date.parse(`${source.checked}T00:00:00Z`);
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== source.checked) fail(`${path}/checked`, 'is not a calendar date');
  if (day > now + FUTURE_SLACK_MS) fail(`${path}/checked`, 'is in the future');
  if ('url' in source) {
    let host: string;
    try {
      host = new URL(source.url).hostname;
    } catch {
      fail(`${path}/url`, 'is not an absolute URL');
      return;
    }
    if (isThirdParty(host)) fail(`${path}/url`, `${host} is not the provider's own documentation`);
  }
}

/**
 * Every required and every non-default fact has a source; each source is a provider documentation
 * URL or an `unconfirmed` note, checked on a real day that is not in the future.
 */
export function checkSources(entry: ProviderEntry, fail: Fail, now: number = Date.now()): void {
  for (const fact of factsNeedingSources(entry)) {
    if (entry.sources[fact] === undefined) {
      fail(`/sources/${fact}`, `missing: the entry states ${fact}, so it needs doc(url) or unconfirmed(note)`);
    }
  }
  for (const [fact, source] of Object.entries(entry.sources)) if (source) checkSource(fact, source, now, fail);
}
