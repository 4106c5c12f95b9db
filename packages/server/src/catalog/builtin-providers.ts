import type { ProviderEntry } from './provider-definition.ts';
import { airtable } from './providers/airtable.ts';
import { anthropic } from './providers/anthropic.ts';
import { asana } from './providers/asana.ts';
import { atlassian } from './providers/atlassian.ts';
import { bitbucket } from './providers/bitbucket.ts';
import { box } from './providers/box.ts';
import { brevo } from './providers/brevo.ts';
import { calendly } from './providers/calendly.ts';
import { clickup } from './providers/clickup.ts';
import { cohere } from './providers/cohere.ts';
import { deepgram } from './providers/deepgram.ts';
import { discord } from './providers/discord.ts';
import { dropbox } from './providers/dropbox.ts';
import { elevenlabs } from './providers/elevenlabs.ts';
import { figma } from './providers/figma.ts';
import { gemini } from './providers/gemini.ts';
import { github } from './providers/github.ts';
import { gitlab } from './providers/gitlab.ts';
import { google } from './providers/google.ts';
import { groq } from './providers/groq.ts';
import { hubspot } from './providers/hubspot.ts';
import { huggingface } from './providers/huggingface.ts';
import { intercom } from './providers/intercom.ts';
import { linear } from './providers/linear.ts';
import { mailgun } from './providers/mailgun.ts';
import { microsoft } from './providers/microsoft.ts';
import { miro } from './providers/miro.ts';
import { mistral } from './providers/mistral.ts';
import { monday } from './providers/monday.ts';
import { notion } from './providers/notion.ts';
import { openai } from './providers/openai.ts';
import { perplexity } from './providers/perplexity.ts';
import { pipedrive } from './providers/pipedrive.ts';
import { plivo } from './providers/plivo.ts';
import { postmark } from './providers/postmark.ts';
import { quickbooks } from './providers/quickbooks.ts';
import { replicate } from './providers/replicate.ts';
import { resend } from './providers/resend.ts';
import { salesforce } from './providers/salesforce.ts';
import { sendgrid } from './providers/sendgrid.ts';
import { shopify } from './providers/shopify.ts';
import { slack } from './providers/slack.ts';
import { snowflake } from './providers/snowflake.ts';
import { telnyx } from './providers/telnyx.ts';
import { todoist } from './providers/todoist.ts';
import { together } from './providers/together.ts';
import { twilio } from './providers/twilio.ts';
import { vonage } from './providers/vonage.ts';
import { x } from './providers/x.ts';
import { xero } from './providers/xero.ts';
import { zendesk } from './providers/zendesk.ts';
import { zoom } from './providers/zoom.ts';

/** The providers shipped with OpenPipes, one file each under `./providers/`. Validated and normalized by `ProviderCatalog`. */
export const builtinProviders: readonly ProviderEntry[] = Object.freeze([
  airtable,
  anthropic,
  asana,
  atlassian,
  bitbucket,
  box,
  brevo,
  calendly,
  clickup,
  cohere,
  deepgram,
  discord,
  dropbox,
  elevenlabs,
  figma,
  gemini,
  github,
  gitlab,
  google,
  groq,
  hubspot,
  huggingface,
  intercom,
  linear,
  mailgun,
  microsoft,
  miro,
  mistral,
  monday,
  notion,
  openai,
  perplexity,
  pipedrive,
  plivo,
  postmark,
  quickbooks,
  replicate,
  resend,
  salesforce,
  sendgrid,
  shopify,
  slack,
  snowflake,
  telnyx,
  todoist,
  together,
  twilio,
  vonage,
  x,
  xero,
  zendesk,
  zoom,
]);
