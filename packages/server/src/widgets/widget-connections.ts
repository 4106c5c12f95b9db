import type { ProviderCatalog } from '../catalog/catalog.ts';
import type { ConfigField } from '../catalog/provider-definition.ts';
import type { ApiKeyConnections } from '../connections/api-key-connections.ts';
import type { AuthorizationService } from '../connections/authorization-service.ts';
import type { ClientCredentialsConnections } from '../connections/client-credentials-connections.ts';
import type { ConnectedAccountService } from '../connections/connected-account-service.ts';
import { AppError, notFound, validationFailed, widgetRefusal } from '../core/errors.ts';
import type { ConnectedAccount } from '../domain/connected-account.ts';
import type { Owner } from '../domain/owner.ts';
import { orNull, type WidgetDirectory } from './widget-directory.ts';

/** Who a widget write is for: the owner of the connection, and the user who acts (`sub`). */
export interface WidgetActor {
  environmentId: string;
  owner: Owner;
  /** `sub`: the owner itself for a member, the acting member for the organization (W13–W15). */
  userId: string;
}

/** §4.8: where the popup goes and the token that correlates its reply. */
export interface WidgetAuthorization {
  url: string;
  redirectToken: string;
  /** Present when the flow is bound to the opening window: the widget posts it to the popup (§8.1, §8.3). */
  handoffToken?: string;
}

export interface WidgetClientCredentials {
  client_id: string;
  client_secret: string;
  config?: Record<string, string>;
}

export interface WidgetConnectionsDeps {
  catalog: ProviderCatalog;
  authorization: Pick<AuthorizationService, 'start'>;
  apiKeyConnections: Pick<ApiKeyConnections, 'save'>;
  clientCredentials: Pick<ClientCredentialsConnections, 'save'>;
  accounts: Pick<ConnectedAccountService, 'get' | 'delete'>;
  directory: Pick<WidgetDirectory, 'slugOfAccount'>;
}

/** R12's link is `<public URL>/data-integrations/<link>/authorize-redirect`. */
const LINK_IN_URL = /\/data-integrations\/([A-Za-z0-9_-]{43})\/authorize-redirect$/;

/**
 * Errors as the widget shows them (§10): business 403s would make it refresh its token and say
 * "Incorrect permissions", so they are 422 with their code (§2.3); missing config fields are named
 * by their labels, since the message is shown to the user as is.
 */
async function forEndUsers<T>(fields: readonly ConfigField[], run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.status === 403) throw widgetRefusal(e);
    const missing = e.code === 'validation_failed' && e.errors?.every((f) => f.code === 'required' && f.field.startsWith('config.'));
    if (!missing || !e.errors) throw e;
    const labels = e.errors.map((f) => fields.find((c) => `config.${c.name}` === f.field)?.label ?? f.field.slice('config.'.length));
    throw validationFailed(`Enter the ${labels.join(' and the ')}.`, e.errors);
  }
}

/** §5: `secret` and `client_id` are trimmed and must not be empty; the message is shown to the user as is. */
function filled(value: string, field: string, label: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw validationFailed(`Enter the ${label}.`, [{ field, code: 'required' }]);
  return trimmed;
}

/**
 * The widget writes (W5–W8, W13–W16) mapped onto the REST services (§11.1): the owner comes from
 * the token, never from the request; R12, R16, R18 and R22/R27 do the work unchanged.
 */
export class WidgetConnections {
  constructor(private readonly deps: WidgetConnectionsDeps) {}

  /**
   * W5/W13: an R12 flow for the owner, no `return_to` and no intent (the callback then renews the
   * owner's compatibility connection). The popup is sent to R12's link, and the link itself is the
   * `redirectToken` (§4.8).
   *
   * With `handoff` the flow is bound to the opening window (§8.3): the confirmation page waits for
   * that window to post the `handoffToken` from an allowed origin before Continue works.
   */
  async authorize(
    actor: WidgetActor,
    slug: string,
    config: Record<string, string> | undefined,
    handoff: boolean,
  ): Promise<WidgetAuthorization> {
    const { url, handoffToken } = await forEndUsers(
      this.fieldsOf(slug),
      this.deps.authorization.start(
        actor.environmentId,
        slug,
        {
          user_id: actor.userId,
          organization_id: actor.owner.organizationId,
          connection_owner: actor.owner.type,
          ...(config !== undefined ? { config } : {}),
        },
        { handoff },
      ),
    );
    const link = LINK_IN_URL.exec(url)?.[1];
    if (!link) throw new Error('R12 returned a link of an unexpected shape');
    return handoffToken === undefined ? { url, redirectToken: link } : { url, redirectToken: link, handoffToken };
  }

  /** W6/W14: R16 upsert of the owner's compatibility connection (create, or rotate its key). */
  async saveApiKey(actor: WidgetActor, slug: string, secret: string): Promise<ConnectedAccount> {
    const { account } = await this.deps.apiKeyConnections.save(
      actor.environmentId,
      slug,
      { ...this.target(actor), secret: filled(secret, 'secret', 'API key') },
      'upsert',
    );
    return account;
  }

  /**
   * W7/W15: R18 upsert, with the widget's config rules (§5 W7, §11.3.1): an absent `config` keeps
   * the connection's stored installation config; a present one replaces it, except that a secret
   * field it leaves out keeps its stored value (the widget never sees secrets, so cannot send them back).
   */
  async saveClientCredentials(actor: WidgetActor, slug: string, body: WidgetClientCredentials): Promise<ConnectedAccount> {
    const clientId = filled(body.client_id, 'client_id', 'client ID');
    const fields = this.fieldsOf(slug);
    const stored = await this.storedConfig(actor, slug);
    let config = body.config;
    if (stored !== null) {
      const kept = Object.fromEntries(Object.entries(stored).filter(([k]) => fields.some((f) => f.name === k && f.secret)));
      config = config === undefined ? stored : { ...kept, ...config };
    }
    const { account } = await forEndUsers(
      fields,
      this.deps.clientCredentials.save(
        actor.environmentId,
        slug,
        { ...this.target(actor), client_id: clientId, client_secret: body.client_secret, ...(config !== undefined ? { config } : {}) },
        'upsert',
      ),
    );
    return account;
  }

  /**
   * W8/W16: the connection must be the owner's, else 404 (whoever else's it is). Then R22/R27:
   * revoke at the provider where possible, and remove it with a `disconnected` event. (§12.8's
   * soft disconnect, which keeps the record, needs store changes outside the widget code; the
   * widget shows "Not connected" either way.)
   */
  async disconnect(environmentId: string, owner: Owner, accountId: string): Promise<void> {
    const slug = await this.deps.directory.slugOfAccount(environmentId, owner, accountId);
    if (slug === null) throw notFound('This connection does not exist or is not yours.');
    await this.deps.accounts.delete(environmentId, slug, owner.type, owner, { connectedAccountId: accountId });
  }

  private target(actor: WidgetActor) {
    return { user_id: actor.userId, organization_id: actor.owner.organizationId, connection_owner: actor.owner.type };
  }

  /** The owner's compatibility connection's installation config, secrets opened; null when there is none. */
  private async storedConfig(actor: WidgetActor, slug: string): Promise<Record<string, string> | null> {
    const found = await orNull(this.deps.accounts.get(actor.environmentId, slug, actor.owner.type, actor.owner, {}));
    if (!found || found.account.state === 'disconnected') return null;
    return found.account.config.open(this.fieldsOf(slug));
  }

  /** Custom providers declare no config fields (API §1.2). */
  private fieldsOf(slug: string): readonly ConfigField[] {
    return this.deps.catalog.get(slug)?.configFields ?? [];
  }
}
