import type { ProviderEntry } from './provider-definition.ts';
import { adobe } from './providers/adobe.ts';
import { aircall } from './providers/aircall.ts';
import { airtable } from './providers/airtable.ts';
import { algolia } from './providers/algolia.ts';
import { anthropic } from './providers/anthropic.ts';
import { asana } from './providers/asana.ts';
import { atlassian } from './providers/atlassian.ts';
import { auth0 } from './providers/auth0.ts';
import { autodesk } from './providers/autodesk.ts';
import { basecamp } from './providers/basecamp.ts';
import { bitbucket } from './providers/bitbucket.ts';
import { box } from './providers/box.ts';
import { brevo } from './providers/brevo.ts';
import { brex } from './providers/brex.ts';
import { calcom } from './providers/calcom.ts';
import { calendly } from './providers/calendly.ts';
import { canva } from './providers/canva.ts';
import { clickup } from './providers/clickup.ts';
import { clio } from './providers/clio.ts';
import { clockify } from './providers/clockify.ts';
import { cloudflare } from './providers/cloudflare.ts';
import { cohere } from './providers/cohere.ts';
import { datadog } from './providers/datadog.ts';
import { deel } from './providers/deel.ts';
import { deepgram } from './providers/deepgram.ts';
import { dialpad } from './providers/dialpad.ts';
import { digitalocean } from './providers/digitalocean.ts';
import { discord } from './providers/discord.ts';
import { docusign } from './providers/docusign.ts';
import { dropbox } from './providers/dropbox.ts';
import { egnyte } from './providers/egnyte.ts';
import { elevenlabs } from './providers/elevenlabs.ts';
import { etsy } from './providers/etsy.ts';
import { figma } from './providers/figma.ts';
import { freshbooks } from './providers/freshbooks.ts';
import { freshdesk } from './providers/freshdesk.ts';
import { gemini } from './providers/gemini.ts';
import { github } from './providers/github.ts';
import { gitlab } from './providers/gitlab.ts';
import { google } from './providers/google.ts';
import { groq } from './providers/groq.ts';
import { gusto } from './providers/gusto.ts';
import { harvest } from './providers/harvest.ts';
import { heroku } from './providers/heroku.ts';
import { honeycomb } from './providers/honeycomb.ts';
import { hubspot } from './providers/hubspot.ts';
import { huggingface } from './providers/huggingface.ts';
import { intercom } from './providers/intercom.ts';
import { lemonsqueezy } from './providers/lemonsqueezy.ts';
import { linear } from './providers/linear.ts';
import { lucid } from './providers/lucid.ts';
import { mailgun } from './providers/mailgun.ts';
import { mapbox } from './providers/mapbox.ts';
import { microsoft } from './providers/microsoft.ts';
import { miro } from './providers/miro.ts';
import { mistral } from './providers/mistral.ts';
import { monday } from './providers/monday.ts';
import { neon } from './providers/neon.ts';
import { newrelic } from './providers/newrelic.ts';
import { notion } from './providers/notion.ts';
import { okta } from './providers/okta.ts';
import { openai } from './providers/openai.ts';
import { paddle } from './providers/paddle.ts';
import { pagerduty } from './providers/pagerduty.ts';
import { pandadoc } from './providers/pandadoc.ts';
import { paypal } from './providers/paypal.ts';
import { perplexity } from './providers/perplexity.ts';
import { pinecone } from './providers/pinecone.ts';
import { pipedrive } from './providers/pipedrive.ts';
import { plivo } from './providers/plivo.ts';
import { posthog } from './providers/posthog.ts';
import { postmark } from './providers/postmark.ts';
import { procore } from './providers/procore.ts';
import { productboard } from './providers/productboard.ts';
import { quickbooks } from './providers/quickbooks.ts';
import { replicate } from './providers/replicate.ts';
import { resend } from './providers/resend.ts';
import { ringcentral } from './providers/ringcentral.ts';
import { sage } from './providers/sage.ts';
import { salesforce } from './providers/salesforce.ts';
import { sendgrid } from './providers/sendgrid.ts';
import { sentry } from './providers/sentry.ts';
import { shopify } from './providers/shopify.ts';
import { shortcut } from './providers/shortcut.ts';
import { slack } from './providers/slack.ts';
import { smartsheet } from './providers/smartsheet.ts';
import { snowflake } from './providers/snowflake.ts';
import { spotify } from './providers/spotify.ts';
import { square } from './providers/square.ts';
import { strava } from './providers/strava.ts';
import { stripe } from './providers/stripe.ts';
import { supabase } from './providers/supabase.ts';
import { telnyx } from './providers/telnyx.ts';
import { todoist } from './providers/todoist.ts';
import { together } from './providers/together.ts';
import { toggl } from './providers/toggl.ts';
import { twilio } from './providers/twilio.ts';
import { twitch } from './providers/twitch.ts';
import { vercel } from './providers/vercel.ts';
import { vonage } from './providers/vonage.ts';
import { webex } from './providers/webex.ts';
import { webflow } from './providers/webflow.ts';
import { x } from './providers/x.ts';
import { xero } from './providers/xero.ts';
import { yahoo } from './providers/yahoo.ts';
import { zendesk } from './providers/zendesk.ts';
import { zoom } from './providers/zoom.ts';

/** The providers shipped with OpenPipes, one file each under `./providers/`. Validated and normalized by `ProviderCatalog`. */
export const builtinProviders: readonly ProviderEntry[] = Object.freeze([
  adobe,
  aircall,
  airtable,
  algolia,
  anthropic,
  asana,
  atlassian,
  auth0,
  autodesk,
  basecamp,
  bitbucket,
  box,
  brevo,
  brex,
  calcom,
  calendly,
  canva,
  clickup,
  clio,
  clockify,
  cloudflare,
  cohere,
  datadog,
  deel,
  deepgram,
  dialpad,
  digitalocean,
  discord,
  docusign,
  dropbox,
  egnyte,
  elevenlabs,
  etsy,
  figma,
  freshbooks,
  freshdesk,
  gemini,
  github,
  gitlab,
  google,
  groq,
  gusto,
  harvest,
  heroku,
  honeycomb,
  hubspot,
  huggingface,
  intercom,
  lemonsqueezy,
  linear,
  lucid,
  mailgun,
  mapbox,
  microsoft,
  miro,
  mistral,
  monday,
  neon,
  newrelic,
  notion,
  okta,
  openai,
  paddle,
  pagerduty,
  pandadoc,
  paypal,
  perplexity,
  pinecone,
  pipedrive,
  plivo,
  posthog,
  postmark,
  procore,
  productboard,
  quickbooks,
  replicate,
  resend,
  ringcentral,
  sage,
  salesforce,
  sendgrid,
  sentry,
  shopify,
  shortcut,
  slack,
  smartsheet,
  snowflake,
  spotify,
  square,
  strava,
  stripe,
  supabase,
  telnyx,
  todoist,
  together,
  toggl,
  twilio,
  twitch,
  vercel,
  vonage,
  webex,
  webflow,
  x,
  xero,
  yahoo,
  zendesk,
  zoom,
]);
