import type { WidgetRoutes } from './widget-api.ts';

/** W1 and W2: what the widgets need to know about the app they are embedded in. */
export const widgetSessionRoutes: WidgetRoutes = (app, { publicUrl }) => {
  app.get('/settings', { schema: { hide: true } }, async () => ({
    object: 'settings' as const,
    // The connect popup opens `authkitOrigin + "/pipes/redirecting"` (widgets-api.md §8).
    authkitOrigin: publicUrl.replace(/\/+$/, ''),
    teamName: 'This application',
    logoDarkPath: null,
    logoLightPath: null,
    logoDarkIconPath: null,
    logoLightIconPath: null,
  }));

  // OpenPipes knows no organization names (identifiers are the application's own, §10.16).
  app.get('/UserManagement/organizations', { schema: { hide: true } }, async () => ({ data: [] }));
};
