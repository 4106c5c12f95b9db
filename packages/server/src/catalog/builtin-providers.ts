import type { ProviderEntry } from './provider-definition.ts';
import { airtable } from './providers/airtable.ts';
import { asana } from './providers/asana.ts';
import { atlassian } from './providers/atlassian.ts';
import { bitbucket } from './providers/bitbucket.ts';
import { box } from './providers/box.ts';
import { brex } from './providers/brex.ts';
import { calendly } from './providers/calendly.ts';
import { canva } from './providers/canva.ts';
import { clickup } from './providers/clickup.ts';
import { deel } from './providers/deel.ts';
import { discord } from './providers/discord.ts';
import { docusign } from './providers/docusign.ts';
import { dropbox } from './providers/dropbox.ts';
import { egnyte } from './providers/egnyte.ts';
import { etsy } from './providers/etsy.ts';
import { figma } from './providers/figma.ts';
import { freshbooks } from './providers/freshbooks.ts';
import { github } from './providers/github.ts';
import { gitlab } from './providers/gitlab.ts';
import { google } from './providers/google.ts';
import { gusto } from './providers/gusto.ts';
import { hubspot } from './providers/hubspot.ts';
import { intercom } from './providers/intercom.ts';
import { linear } from './providers/linear.ts';
import { lucid } from './providers/lucid.ts';
import { microsoft } from './providers/microsoft.ts';
import { miro } from './providers/miro.ts';
import { monday } from './providers/monday.ts';
import { notion } from './providers/notion.ts';
import { pandadoc } from './providers/pandadoc.ts';
import { paypal } from './providers/paypal.ts';
import { pipedrive } from './providers/pipedrive.ts';
import { quickbooks } from './providers/quickbooks.ts';
import { sage } from './providers/sage.ts';
import { salesforce } from './providers/salesforce.ts';
import { shopify } from './providers/shopify.ts';
import { slack } from './providers/slack.ts';
import { smartsheet } from './providers/smartsheet.ts';
import { snowflake } from './providers/snowflake.ts';
import { square } from './providers/square.ts';
import { stripe } from './providers/stripe.ts';
import { todoist } from './providers/todoist.ts';
import { webflow } from './providers/webflow.ts';
import { x } from './providers/x.ts';
import { xero } from './providers/xero.ts';
import { zendesk } from './providers/zendesk.ts';
import { zoom } from './providers/zoom.ts';

/** The providers shipped with OpenPipes, one file each under `./providers/`. Validated and normalized by `ProviderCatalog`. */
export const builtinProviders: readonly ProviderEntry[] = Object.freeze([
  airtable,
  asana,
  atlassian,
  bitbucket,
  box,
  brex,
  calendly,
  canva,
  clickup,
  deel,
  discord,
  docusign,
  dropbox,
  egnyte,
  etsy,
  figma,
  freshbooks,
  github,
  gitlab,
  google,
  gusto,
  hubspot,
  intercom,
  linear,
  lucid,
  microsoft,
  miro,
  monday,
  notion,
  pandadoc,
  paypal,
  pipedrive,
  quickbooks,
  sage,
  salesforce,
  shopify,
  slack,
  smartsheet,
  snowflake,
  square,
  stripe,
  todoist,
  webflow,
  x,
  xero,
  zendesk,
  zoom,
]);
