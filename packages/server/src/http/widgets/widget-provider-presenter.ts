import { logoPath } from '../../catalog/logos.ts';
import type { ResolvedIntegration } from '../../integrations/provider-resolver.ts';
import { descriptionOf } from '../../widgets/widget-facts.ts';
import { iconSlugOf } from '../../widgets/widget-icons.ts';

/**
 * The provider part every widget item starts with (widgets-api.md §4.3, §4.4, §4.6): the
 * integration id, the provider's display name and description, the slug; `iconSlug` when the
 * widget has that icon, else `iconUrl`, the logo OpenPipes serves, when the public URL is https
 * (the widget drops other URLs) and the provider is a built-in one (§12.12).
 */
export function presentProvider(integration: ResolvedIntegration, publicUrl: string) {
  const iconSlug = iconSlugOf(integration);
  const iconUrl =
    iconSlug === null && integration.custom === null && publicUrl.startsWith('https://')
      ? `${publicUrl}${logoPath(integration.row.slug)}`
      : null;
  return {
    id: integration.row.id,
    name: integration.provider.name,
    description: descriptionOf(integration),
    slug: integration.row.slug,
    ...(iconSlug !== null ? { iconSlug } : {}),
    ...(iconUrl !== null ? { iconUrl } : {}),
  };
}
