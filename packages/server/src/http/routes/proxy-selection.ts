import { idPattern } from '../../core/ids.ts';
import type { IncomingHttpHeaders } from 'node:http';
import { invalidRequest } from '../../core/errors.ts';
import type { VendInput } from '../../connections/vending-service.ts';
import { MAX_RETRIES } from '../../proxy/proxy-retries.ts';
import { IDENTIFIER_PATTERN } from '../schemas/common.ts';

const IDENTIFIER = new RegExp(IDENTIFIER_PATTERN);
const ACCOUNT_ID = new RegExp(idPattern('installation'));

/** The connection a proxied call uses and how often it may be retried, read from its `OpenPipes-*` headers. */
export interface ProxySelection {
  selection: VendInput;
  retries: number;
}

/**
 * The vend's selection fields (R13) as headers: `OpenPipes-User-Id` (required), `OpenPipes-Organization-Id`,
 * `OpenPipes-Connection-Owner` (`user`, the default, or `organization`, which needs the organization) and
 * `OpenPipes-Connected-Account-Id`; and `OpenPipes-Retries` (0–5, default 0). Each malformed or
 * missing one is a 400 `invalid_request` naming the header.
 */
export function readProxySelection(headers: IncomingHttpHeaders): ProxySelection {
  const one = (name: string): string | undefined => {
    const value = headers[name.toLowerCase()];
    if (Array.isArray(value)) throw bad(name, 'repeated', `${name} must be sent once.`);
    return value;
  };
  const userId = one('OpenPipes-User-Id');
  if (userId === undefined) throw bad('OpenPipes-User-Id', 'required', 'OpenPipes-User-Id is required: the user whose connection is used.');
  if (!IDENTIFIER.test(userId)) throw bad('OpenPipes-User-Id', 'invalid_format', 'OpenPipes-User-Id must be 1–128 of A-Z a-z 0-9 _ - : .');
  const organizationId = one('OpenPipes-Organization-Id');
  if (organizationId !== undefined && !IDENTIFIER.test(organizationId)) {
    throw bad('OpenPipes-Organization-Id', 'invalid_format', 'OpenPipes-Organization-Id must be 1–128 of A-Z a-z 0-9 _ - : .');
  }
  const owner = one('OpenPipes-Connection-Owner');
  if (owner !== undefined && owner !== 'user' && owner !== 'organization') {
    throw bad('OpenPipes-Connection-Owner', 'invalid_value', 'OpenPipes-Connection-Owner must be "user" or "organization".');
  }
  if (owner === 'organization' && organizationId === undefined) {
    throw bad(
      'OpenPipes-Organization-Id',
      'required',
      'OpenPipes-Organization-Id is required when OpenPipes-Connection-Owner is "organization".',
    );
  }
  const accountId = one('OpenPipes-Connected-Account-Id');
  if (accountId !== undefined && !ACCOUNT_ID.test(accountId)) {
    throw bad(
      'OpenPipes-Connected-Account-Id',
      'invalid_format',
      'OpenPipes-Connected-Account-Id must be a connected account id (data_installation_…).',
    );
  }
  const retriesHeader = one('OpenPipes-Retries')?.trim();
  const retries = retriesHeader === undefined ? 0 : Number(retriesHeader);
  if (retriesHeader !== undefined && (!/^[0-9]$/.test(retriesHeader) || retries > MAX_RETRIES)) {
    throw bad('OpenPipes-Retries', 'invalid_value', `OpenPipes-Retries must be an integer from 0 to ${MAX_RETRIES}.`);
  }
  return {
    selection: {
      user_id: userId,
      ...(organizationId !== undefined ? { organization_id: organizationId } : {}),
      ...(owner !== undefined ? { connection_owner: owner } : {}),
      ...(accountId !== undefined ? { connected_account_id: accountId } : {}),
      supports_multiple_connections: true,
    },
    retries,
  };
}

const bad = (field: string, code: string, message: string) => invalidRequest(message, [{ field, code }]);
