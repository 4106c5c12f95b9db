import { timingSafeEqual } from 'node:crypto';
import { ID_PREFIX } from '../core/ids.ts';
import { sha256Base64Url } from '../oauth/pkce.ts';

/** What the browser-facing routes show or do next. */
export type FlowPage =
  | {
      kind: 'confirm';
      flowId: string;
      providerName: string;
      subject: string;
      csrfToken: string;
      /** The page waits for the opener's handoff (§8.3); `auto`: then submits itself (no confirmation screen). */
      handoff: 'none' | 'required' | 'auto';
    }
  | { kind: 'redirect'; location: string; cookie?: { name: string; value: string; maxAgeSeconds: number } }
  | { kind: 'error'; status: number; title: string; message: string }
  | { kind: 'success'; providerName: string };

/** The cookie that binds a flow to the browser that started it. */
export const flowCookieName = (flowId: string): string => `op_flow_${flowId.slice(ID_PREFIX.flow.length)}`;

/** True when `value` hashes to the stored `hash` (constant time: the hashes are secrets' digests). */
export const matchesHash = (hash: string, value: string): boolean => {
  const x = Buffer.from(hash);
  const y = Buffer.from(sha256Base64Url(value));
  return x.length === y.length && timingSafeEqual(x, y);
};

export const usedLinkPage: FlowPage = {
  kind: 'error',
  status: 410,
  title: 'Link expired',
  message: 'This authorization link was already used or has expired. Start again from the application.',
};
