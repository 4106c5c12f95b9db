import type { Owner } from './owner.ts';
import type { Secret } from './secret.ts';
import type { ConfigWrite, StoredConfig } from './stored-config.ts';

export type FlowStatus = 'pending' | 'redirected' | 'exchanging' | 'completed' | 'failed';
export type ConnectionIntent = 'add' | 'reauthorize';

/** One authorization in progress: everything the callback needs, bound to one link and browser. */
export interface Flow {
  id: string;
  environment_id: string;
  integration_id: string;
  /** SHA-256 of the opaque token in the authorize-redirect link. */
  link_hash: string;
  /** SHA-256 of the CSRF token of the latest confirmation page. */
  csrf_hash: string;
  /** SHA-256 of the OAuth `state`, set when the browser leaves for the provider. */
  state_hash: string | null;
  /** SHA-256 of the flow cookie that binds the flow to one browser. */
  browser_hash: string | null;
  /** SHA-256 of the handoff token of the widget window that started the flow; null when not bound. */
  handoff_hash: string | null;
  code_verifier: Secret | null;
  owner: Owner;
  acting_user_id: string;
  connection_intent: ConnectionIntent | null;
  connected_account_id: string | null;
  return_to: string | null;
  config: StoredConfig;
  scopes: string[];
  client_id: string;
  status: FlowStatus;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

export type NewFlow = Omit<Flow, 'code_verifier' | 'config' | 'state_hash' | 'browser_hash' | 'handoff_hash' | 'updated_at'> & {
  config: ConfigWrite;
  handoff_hash?: string | null;
};

/** What a status transition may set; the PKCE verifier in plaintext. */
export interface FlowChanges {
  status?: FlowStatus;
  csrf_hash?: string;
  state_hash?: string;
  browser_hash?: string;
  code_verifier?: string | null;
}
