import type { ConnectedAccountService } from '../connections/connected-account-service.ts';
import type { ProviderListing, ProviderListItem } from '../connections/provider-listing.ts';
import { AppError } from '../core/errors.ts';
import type { AccountActivity, ListedAccount } from '../domain/connected-account.ts';
import type { Ownership } from '../domain/integration.ts';
import type { OrgConfiguration } from '../domain/org-configuration.ts';
import type { Owner } from '../domain/owner.ts';
import { type EffectiveSettings, effectiveSettings } from '../integrations/effective-settings.ts';
import type { IntegrationService } from '../integrations/integration-service.ts';
import type { OrgConfigurationService } from '../integrations/org-configuration-service.ts';
import type { ResolvedIntegration } from '../integrations/provider-resolver.ts';
import { needsOrganizationApp } from './widget-facts.ts';

/** One root as a widget shows it to one owner. */
export interface WidgetIntegration {
  integration: ResolvedIntegration;
  /** The token organization's override of the slug, if any. */
  override: OrgConfiguration | null;
  settings: EffectiveSettings;
  /** The owner's compatibility connection; null when there is none (or it is `disconnected`, §12.8). */
  installation: ListedAccount | null;
  /** That connection's activity and health, read fresh (the cached listings leave them out); null without one. */
  activity: AccountActivity | null;
}

/** An organization-owned root with the organization's connections (W4). */
export interface SharedIntegration {
  integration: ResolvedIntegration;
  accounts: ListedAccount[];
}

export interface WidgetDirectoryDeps {
  integrations: Pick<IntegrationService, 'list'>;
  orgConfigurations: Pick<OrgConfigurationService, 'list'>;
  listing: Pick<ProviderListing, 'forUser' | 'forOrganization'>;
  accounts: Pick<ConnectedAccountService, 'get' | 'activityOf'>;
}

const PAGE = 100;
const live = (a: ListedAccount | null): ListedAccount | null => (a && a.state !== 'disconnected' ? a : null);
const bySlug = (a: { integration: ResolvedIntegration }, b: { integration: ResolvedIntegration }) =>
  a.integration.row.slug < b.integration.row.slug ? -1 : a.integration.row.slug > b.integration.row.slug ? 1 : 0;

/** A 404 from a lookup is "nothing there"; anything else still fails. */
export async function orNull<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  }
}

/**
 * The read side of the widgets (W3, W4, W9's overrides, W11, and the ownership checks of W8/W16),
 * built on the REST read models: the R1/R23 listings give the enabled roots with the owner's
 * connections in a fixed number of queries; a root disabled for the organization is looked up on
 * its own (the widgets still show them: a member can disconnect, an admin can re-enable).
 */
export class WidgetDirectory {
  constructor(private readonly deps: WidgetDirectoryDeps) {}

  /** W3 (§5): enabled roots the member can connect, plus any root they are still connected to. */
  async mine(environmentId: string, owner: Owner): Promise<WidgetIntegration[]> {
    const roots = await this.roots(environmentId, 'user', owner);
    return roots.filter((r) => r.installation !== null || (r.settings.enabled && !needsOrganizationApp(r.integration.row, r.override)));
  }

  /** W11 (§5): every organization-owned root, disabled ones included, with the organization's connection. */
  organization(environmentId: string, owner: Owner): Promise<WidgetIntegration[]> {
    return this.roots(environmentId, 'organization', owner);
  }

  /** W4 (§12.5): enabled organization-owned roots with at least one live connection of the organization. */
  async shared(environmentId: string, owner: Owner): Promise<SharedIntegration[]> {
    const listed = await this.listed(environmentId, owner, true);
    return listed
      .map(({ integration, accounts }) => ({ integration, accounts: accounts.filter((a) => a.state !== 'disconnected') }))
      .filter((s) => s.accounts.length > 0)
      .sort(bySlug);
  }

  /** The slug of the root whose connection `accountId` is, when that connection belongs to `owner`; else null. */
  async slugOfAccount(environmentId: string, owner: Owner, accountId: string): Promise<string | null> {
    const listed = await this.listed(environmentId, owner, true);
    const hit = listed.find((item) => item.accounts.some((a) => a.id === accountId && a.state !== 'disconnected'));
    if (hit) return hit.integration.row.slug;
    const enabled = new Set(listed.map((item) => item.integration.row.id));
    for (const root of await this.allRoots(environmentId, owner.type)) {
      if (enabled.has(root.row.id)) continue;
      const found = await orNull(
        this.deps.accounts.get(environmentId, root.row.slug, owner.type, owner, { connectedAccountId: accountId }),
      );
      if (live(found?.account ?? null)) return root.row.slug;
    }
    return null;
  }

  /** Every root of one ownership, with the organization's override and the owner's compatibility connection. */
  private async roots(environmentId: string, ownership: Ownership, owner: Owner): Promise<WidgetIntegration[]> {
    const organizationId = owner.organizationId;
    const [roots, views, listed] = await Promise.all([
      this.allRoots(environmentId, ownership),
      organizationId ? this.deps.orgConfigurations.list(environmentId, organizationId) : Promise.resolve([]),
      this.listed(environmentId, owner, false),
    ]);
    const overrides = new Map(views.map((v) => [v.integration.row.slug, v.override]));
    const compatibility = new Map(listed.map((item) => [item.integration.row.id, item.compatibility]));
    const out = await Promise.all(
      roots.map(async (integration): Promise<Omit<WidgetIntegration, 'activity'>> => {
        const override = overrides.get(integration.row.slug) ?? null;
        const { id, slug } = integration.row;
        // Not in the listing: disabled for this organization; its connection is looked up on its own.
        const installation = compatibility.has(id)
          ? (compatibility.get(id) ?? null)
          : ((await orNull(this.deps.accounts.get(environmentId, slug, ownership, owner, {})))?.account ?? null);
        return { integration, override, settings: effectiveSettings(integration.row, override), installation: live(installation) };
      }),
    );
    // One read for every connection shown: when each was last used and checked.
    const activity = await this.deps.accounts.activityOf(out.flatMap((r) => (r.installation ? [r.installation.id] : [])));
    return out.map((r) => ({ ...r, activity: r.installation ? (activity.get(r.installation.id) ?? null) : null })).sort(bySlug);
  }

  private listed(environmentId: string, owner: Owner, plural: boolean): Promise<ProviderListItem[]> {
    const { listing } = this.deps;
    const answer =
      owner.type === 'user'
        ? listing.forUser(environmentId, owner.userId!, owner.organizationId, plural)
        : listing.forOrganization(environmentId, owner.organizationId!, plural);
    return answer.then((l) => l.items());
  }

  private async allRoots(environmentId: string, ownership: Ownership): Promise<ResolvedIntegration[]> {
    const out: ResolvedIntegration[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.deps.integrations.list(environmentId, { limit: PAGE, order: 'asc', after, before: null, ownership });
      out.push(...page.items);
      const last = page.items.at(-1);
      if (!page.hasMore || !last) return out;
      after = last.row.id;
    }
  }
}
