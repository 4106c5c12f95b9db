import type { ResolvedIntegration } from '../../integrations/provider-resolver.ts';
import { descriptionOf } from '../../widgets/widget-facts.ts';
import { iconSlugOf } from '../../widgets/widget-icons.ts';

/**
 * The provider part every widget item starts with (widgets-api.md §4.3, §4.4, §4.6): the
 * integration id, the provider's display name and description, the slug; `iconSlug` only when
 * the widget has that icon (§12.12).
 */
export function presentProvider(integration: ResolvedIntegration) {
  const iconSlug = iconSlugOf(integration);
  return {
    id: integration.row.id,
    name: integration.provider.name,
    description: descriptionOf(integration),
    slug: integration.row.slug,
    ...(iconSlug !== null ? { iconSlug } : {}),
  };
}
