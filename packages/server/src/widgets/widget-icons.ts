import type { ResolvedIntegration } from '../integrations/provider-resolver.ts';

/**
 * Built-in slugs that `@workos-inc/widgets` 1.18.0 has an icon for (its `provider-icon-slugs`
 * list, intersected with our catalog). Any other built-in provider gets an `iconUrl` instead when the
 * public URL is https (`http/widgets/widget-provider-presenter.ts`); without either, the widget falls
 * back to its generic mark (widgets-api.md §12.12).
 */
const ICON_SLUGS: ReadonlySet<string> = new Set([
  'asana',
  'bitbucket',
  'box',
  'discord',
  'dropbox',
  'github',
  'gitlab',
  'google',
  'hubspot',
  'intercom',
  'linear',
  'microsoft',
  'notion',
  'salesforce',
  'slack',
  'snowflake',
  'xero',
  'zendesk',
]);

/** `iconSlug` (§4.3): set only for a built-in provider whose slug the widget knows; a custom provider never gets one. */
export const iconSlugOf = ({ row, custom }: ResolvedIntegration): string | null =>
  custom === null && ICON_SLUGS.has(row.slug) ? row.slug : null;
