import { validationFailed } from '../../core/errors.ts';

/**
 * Cross-field rules several routes share (R13–R18), checked before the service runs. One place,
 * so every route words them, and names their fields, the same way.
 */
export function requireOrganizationForOrganizationOwner(body: {
  connection_owner?: 'user' | 'organization';
  organization_id?: string | null;
}): void {
  if (body.connection_owner === 'organization' && !body.organization_id) {
    throw validationFailed('organization_id is required when connection_owner is "organization".', [
      { field: 'organization_id', code: 'required' },
    ]);
  }
}

/** R15/R17 (`POST`, mode add) and R16/R18 (`PUT`, mode upsert) intent rules. */
export function checkSaveIntent(
  body: { connection_intent?: 'add' | 'reauthorize'; connected_account_id?: string },
  mode: 'add' | 'upsert',
): void {
  if (mode === 'add') {
    if (body.connection_intent !== 'add')
      throw validationFailed('connection_intent must be "add".', [{ field: 'connection_intent', code: 'required' }]);
    if (body.connected_account_id !== undefined)
      throw validationFailed('connected_account_id is not allowed when adding.', [{ field: 'connected_account_id', code: 'not_allowed' }]);
    return;
  }
  if (body.connection_intent === 'add')
    throw validationFailed('connection_intent "add" is for POST.', [{ field: 'connection_intent', code: 'invalid_value' }]);
  if (body.connection_intent === 'reauthorize' && body.connected_account_id === undefined) {
    throw validationFailed('connection_intent "reauthorize" requires connected_account_id.', [
      { field: 'connected_account_id', code: 'required' },
    ]);
  }
}
