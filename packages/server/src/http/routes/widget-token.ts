import { Type } from 'typebox';
import * as EX from '../schemas/examples.ts';
import { errorResponses, Identifier, NoQuery } from '../schemas/common.ts';
import { routePlugin } from './route-plugin.ts';
import { schemaFor } from './route-schema.ts';

const schema = schemaFor(['Widgets']);

const WidgetTokenBody = Type.Object(
  {
    organization_id: Type.Optional(Identifier('The organization the widget serves.')),
    user_id: Type.Optional(Identifier('The user the widget acts for.')),
    scopes: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 8 })),
  },
  { additionalProperties: false, title: 'WidgetTokenBody', examples: [EX.WIDGET_TOKEN] },
);

/** R33 `POST /widgets/token` (§11.4): the only way to a widget token, with an API key. */
export const widgetTokenRoutes = routePlugin((app, { widgetTokens }) => {
  app.post(
    '/widgets/token',
    schema('Mint a widget token (R33)', {
      description:
        'A one-hour token for the connect widget (`user_id`) or the organization admin widget (`organization_id` + `widgets:pipes:manage`).',
      querystring: NoQuery,
      body: WidgetTokenBody,
      response: {
        200: Type.Object({ token: Type.String() }, { title: 'WidgetToken', examples: [EX.WIDGET_TOKEN_RESPONSE] }),
        ...errorResponses(400, 422),
      },
    }),
    async (request) => widgetTokens.mint(request.principal.environmentId, request.body),
  );
});
