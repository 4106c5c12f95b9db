import type { FastifyRequest } from 'fastify';
import type { WidgetClaims } from '../../widgets/widget-token.ts';

/**
 * Route options that run an access rule of widgets-api.md §7.5 (WidgetAccess) before the body is
 * validated: a token that may not use the route learns that (403/422) whatever it sent.
 */
export const guard = (rule: (claims: WidgetClaims) => unknown) => ({
  preValidation: async (request: FastifyRequest): Promise<void> => {
    rule(request.widget);
  },
});
