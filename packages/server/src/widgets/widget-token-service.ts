import { validationFailed } from '../core/errors.ts';
import { PIPES_MANAGE, type WidgetTokens } from './widget-token.ts';

export interface WidgetTokenInput {
  organization_id?: string;
  user_id?: string;
  scopes?: string[];
}

/**
 * R33 `POST /widgets/token` (§11.4): a one-hour token for the widgets. With `user_id` and no
 * scopes, the connect widget for that user (within the organization, if given); with
 * `organization_id` and `widgets:pipes:manage`, the organization admin widget.
 */
export class WidgetTokenService {
  constructor(private readonly tokens: WidgetTokens) {}

  mint(environmentId: string, input: WidgetTokenInput): { token: string } {
    if (input.organization_id === undefined && input.user_id === undefined) {
      throw validationFailed('A widget token is for a user (user_id), an organization (organization_id), or both.', [
        { field: 'organization_id', code: 'required' },
      ]);
    }
    const scopes = input.scopes ?? [];
    const unsupported = scopes.filter((s) => s !== PIPES_MANAGE);
    if (unsupported.length > 0) {
      throw validationFailed(`Unsupported scope ${JSON.stringify(unsupported[0])}; OpenPipes offers only ${PIPES_MANAGE}.`, [
        { field: 'scopes', code: 'unsupported_scope' },
      ]);
    }
    if (scopes.length > 0 && input.organization_id === undefined) {
      throw validationFailed(`${PIPES_MANAGE} manages an organization's providers: organization_id is required.`, [
        { field: 'organization_id', code: 'required' },
      ]);
    }
    const { token } = this.tokens.mint({
      env: environmentId,
      ...(input.user_id !== undefined ? { sub: input.user_id } : {}),
      ...(input.organization_id !== undefined ? { org_id: input.organization_id } : {}),
      permissions: scopes,
    });
    return { token };
  }
}
