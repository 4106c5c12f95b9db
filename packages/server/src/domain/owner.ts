/**
 * Who a connection belongs to (§1.5). The owner key folds the owner shape into one indexed
 * string; `|` cannot occur in identifiers (§10.16), so keys never collide.
 */
export type OwnerType = 'user' | 'organization';

export interface Owner {
  type: OwnerType;
  userId: string | null;
  organizationId: string | null;
  key: string;
}

export const userOwner = (userId: string, organizationId: string | null = null): Owner => ({
  type: 'user',
  userId,
  organizationId,
  key: `u|${userId}|${organizationId ?? ''}`,
});

export const organizationOwner = (organizationId: string): Owner => ({
  type: 'organization',
  userId: null,
  organizationId,
  key: `o|${organizationId}`,
});

/** The owner named by a request's `connection_owner`/`user_id`/`organization_id` triple. */
export const ownerFromRequest = (
  connectionOwner: 'user' | 'organization' | undefined,
  userId: string,
  organizationId: string | null | undefined,
): Owner => (connectionOwner === 'organization' ? organizationOwner(organizationId!) : userOwner(userId, organizationId ?? null));
