import type { ProviderEntry } from './provider-definition.ts';
import { airtable } from './providers/airtable.ts';
import { asana } from './providers/asana.ts';
import { atlassian } from './providers/atlassian.ts';
import { attio } from './providers/attio.ts';
import { bitbucket } from './providers/bitbucket.ts';
import { box } from './providers/box.ts';
import { calendly } from './providers/calendly.ts';
import { capsule } from './providers/capsule.ts';
import { clickup } from './providers/clickup.ts';
import { close } from './providers/close.ts';
import { constantContact } from './providers/constant-contact.ts';
import { copper } from './providers/copper.ts';
import { discord } from './providers/discord.ts';
import { dropbox } from './providers/dropbox.ts';
import { facebook } from './providers/facebook.ts';
import { figma } from './providers/figma.ts';
import { front } from './providers/front.ts';
import { github } from './providers/github.ts';
import { gitlab } from './providers/gitlab.ts';
import { gong } from './providers/gong.ts';
import { google } from './providers/google.ts';
import { gorgias } from './providers/gorgias.ts';
import { helpscout } from './providers/helpscout.ts';
import { hubspot } from './providers/hubspot.ts';
import { intercom } from './providers/intercom.ts';
import { keap } from './providers/keap.ts';
import { klaviyo } from './providers/klaviyo.ts';
import { linear } from './providers/linear.ts';
import { linkedin } from './providers/linkedin.ts';
import { mailchimp } from './providers/mailchimp.ts';
import { microsoft } from './providers/microsoft.ts';
import { miro } from './providers/miro.ts';
import { monday } from './providers/monday.ts';
import { notion } from './providers/notion.ts';
import { outreach } from './providers/outreach.ts';
import { pinterest } from './providers/pinterest.ts';
import { pipedrive } from './providers/pipedrive.ts';
import { quickbooks } from './providers/quickbooks.ts';
import { reddit } from './providers/reddit.ts';
import { salesforce } from './providers/salesforce.ts';
import { salesloft } from './providers/salesloft.ts';
import { shopify } from './providers/shopify.ts';
import { slack } from './providers/slack.ts';
import { snowflake } from './providers/snowflake.ts';
import { surveymonkey } from './providers/surveymonkey.ts';
import { todoist } from './providers/todoist.ts';
import { typeform } from './providers/typeform.ts';
import { x } from './providers/x.ts';
import { xero } from './providers/xero.ts';
import { zendesk } from './providers/zendesk.ts';
import { zoho } from './providers/zoho.ts';
import { zoom } from './providers/zoom.ts';

/** The providers shipped with OpenPipes, one file each under `./providers/`. Validated and normalized by `ProviderCatalog`. */
export const builtinProviders: readonly ProviderEntry[] = Object.freeze([
  airtable,
  asana,
  atlassian,
  attio,
  bitbucket,
  box,
  calendly,
  capsule,
  clickup,
  close,
  constantContact,
  copper,
  discord,
  dropbox,
  facebook,
  figma,
  front,
  github,
  gitlab,
  gong,
  google,
  gorgias,
  helpscout,
  hubspot,
  intercom,
  keap,
  klaviyo,
  linear,
  linkedin,
  mailchimp,
  microsoft,
  miro,
  monday,
  notion,
  outreach,
  pinterest,
  pipedrive,
  quickbooks,
  reddit,
  salesforce,
  salesloft,
  shopify,
  slack,
  snowflake,
  surveymonkey,
  todoist,
  typeform,
  x,
  xero,
  zendesk,
  zoho,
  zoom,
]);
