import { apiKeys } from './api-keys.ts';
import { chart } from './chart.ts';
import { activityCell } from './connection-activity.ts';
import { connections, pager } from './connections.ts';
import { environment, environments, environmentTabs } from './environments.ts';
import { events } from './events.ts';
import { integration } from './integration.ts';
import { credentialsFields, customProviderFields } from './integration-fields.ts';
import { integrationNew } from './integration-new.ts';
import { integrations } from './integrations.ts';
import { csrf, layout, messages, problemDetails, problemPage } from './layout.ts';
import { overview } from './overview.ts';
import { providers } from './providers.ts';
import { signIn } from './sign-in.ts';
import { webhookEndpoint, webhooks } from './webhooks.ts';

/**
 * Every dashboard template (Eta syntax, escaped output by default), by name. They are TypeScript
 * strings rather than files so the compiled package carries them without a copy step.
 */
export const TEMPLATES = {
  layout,
  messages,
  problemPage,
  problemDetails,
  csrf,
  signIn,
  overview,
  environments,
  environmentTabs,
  environment,
  apiKeys,
  providers,
  integrations,
  integrationNew,
  integration,
  customProviderFields,
  credentialsFields,
  pager,
  chart,
  connections,
  activityCell,
  events,
  webhooks,
  webhookEndpoint,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
