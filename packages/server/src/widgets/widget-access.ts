import { actingUserRequired, invalidWidgetToken } from '../core/errors.ts';
import { organizationOwner, type Owner, userOwner } from '../domain/owner.ts';
import { PIPES_MANAGE, type WidgetClaims } from './widget-token.ts';

/** A member widget (`<Pipes>`): the user the token names, within its organization when it has one. */
export interface WidgetMember {
  environmentId: string;
  userId: string;
  organizationId: string | null;
  /** `u|sub|org_id`: every connection the member widget reads or writes belongs to it (§7.5). */
  owner: Owner;
}

/** The organization admin widget (`<PipesAdmin>`): the token's organization, and the acting member when it names one. */
export interface WidgetAdmin {
  environmentId: string;
  organizationId: string;
  /** `sub`, when the token has one: the member who connects shared accounts (W13–W15). */
  actingUserId: string | null;
  /** `o|org_id`: the owner of the shared connections (W13–W16). */
  owner: Owner;
}

/**
 * The authorization matrix of widgets-api.md §7.5. The organization and the user always come
 * from the verified token, never from the path or the body. Failures the widget should answer
 * by fetching a new token are 403; a missing acting member on W13–W15 is 422, since a new token
 * would not help and `capabilities` already hide those actions.
 */
export const WidgetAccess = {
  /** W3, W5–W8: the token must name a user. */
  member(claims: WidgetClaims): WidgetMember {
    if (claims.sub === undefined) throw invalidWidgetToken('This widget token names no user: mint it with user_id for the Pipes widget.');
    const organizationId = claims.org_id ?? null;
    return { environmentId: claims.env, userId: claims.sub, organizationId, owner: userOwner(claims.sub, organizationId) };
  },

  /** W9–W12, W16: `widgets:pipes:manage` and an organization. */
  admin(claims: WidgetClaims): WidgetAdmin {
    if (!claims.permissions.includes(PIPES_MANAGE) || claims.org_id === undefined) {
      throw invalidWidgetToken(`This widget token cannot manage providers: mint it with organization_id and the ${PIPES_MANAGE} scope.`);
    }
    return {
      environmentId: claims.env,
      organizationId: claims.org_id,
      actingUserId: claims.sub ?? null,
      owner: organizationOwner(claims.org_id),
    };
  },

  /** W4 (any valid token): the organization whose shared connections a member may see; null without `org_id`. */
  sharedOwner(claims: WidgetClaims): { environmentId: string; owner: Owner | null } {
    return { environmentId: claims.env, owner: claims.org_id === undefined ? null : organizationOwner(claims.org_id) };
  },

  /** W13–W15: as `admin`, plus the member who acts for the organization. */
  actingAdmin(claims: WidgetClaims): WidgetAdmin & { actingUserId: string } {
    const admin = WidgetAccess.admin(claims);
    if (admin.actingUserId === null) throw actingUserRequired();
    return { ...admin, actingUserId: admin.actingUserId };
  },
};
