import type { ProviderEntry } from './provider-definition.ts';
import { adobe } from './providers/adobe.ts';
import { aircall } from './providers/aircall.ts';
import { airtable } from './providers/airtable.ts';
import { algolia } from './providers/algolia.ts';
import { anthropic } from './providers/anthropic.ts';
import { asana } from './providers/asana.ts';
import { atlassian } from './providers/atlassian.ts';
import { attio } from './providers/attio.ts';
import { auth0 } from './providers/auth0.ts';
import { autodesk } from './providers/autodesk.ts';
import { bamboohr } from './providers/bamboohr.ts';
import { basecamp } from './providers/basecamp.ts';
import { bitbucket } from './providers/bitbucket.ts';
import { box } from './providers/box.ts';
import { brevo } from './providers/brevo.ts';
import { brex } from './providers/brex.ts';
import { calcom } from './providers/calcom.ts';
import { calendly } from './providers/calendly.ts';
import { canva } from './providers/canva.ts';
import { capsule } from './providers/capsule.ts';
import { clickup } from './providers/clickup.ts';
import { clio } from './providers/clio.ts';
import { clockify } from './providers/clockify.ts';
import { close } from './providers/close.ts';
import { cloudflare } from './providers/cloudflare.ts';
import { cohere } from './providers/cohere.ts';
import { constantContact } from './providers/constant-contact.ts';
import { copper } from './providers/copper.ts';
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
import { facebook } from './providers/facebook.ts';
import { figma } from './providers/figma.ts';
import { freshbooks } from './providers/freshbooks.ts';
import { freshdesk } from './providers/freshdesk.ts';
import { front } from './providers/front.ts';
import { gemini } from './providers/gemini.ts';
import { github } from './providers/github.ts';
import { gitlab } from './providers/gitlab.ts';
import { gong } from './providers/gong.ts';
import { google } from './providers/google.ts';
import { gorgias } from './providers/gorgias.ts';
import { groq } from './providers/groq.ts';
import { gusto } from './providers/gusto.ts';
import { harvest } from './providers/harvest.ts';
import { helpscout } from './providers/helpscout.ts';
import { heroku } from './providers/heroku.ts';
import { honeycomb } from './providers/honeycomb.ts';
import { hubspot } from './providers/hubspot.ts';
import { huggingface } from './providers/huggingface.ts';
import { intercom } from './providers/intercom.ts';
import { keap } from './providers/keap.ts';
import { klaviyo } from './providers/klaviyo.ts';
import { lemonsqueezy } from './providers/lemonsqueezy.ts';
import { linear } from './providers/linear.ts';
import { linkedin } from './providers/linkedin.ts';
import { lucid } from './providers/lucid.ts';
import { mailchimp } from './providers/mailchimp.ts';
import { mailgun } from './providers/mailgun.ts';
import { mapbox } from './providers/mapbox.ts';
import { microsoft } from './providers/microsoft.ts';
import { miro } from './providers/miro.ts';
import { mistral } from './providers/mistral.ts';
import { monday } from './providers/monday.ts';
import { mural } from './providers/mural.ts';
import { neon } from './providers/neon.ts';
import { newrelic } from './providers/newrelic.ts';
import { notion } from './providers/notion.ts';
import { okta } from './providers/okta.ts';
import { openai } from './providers/openai.ts';
import { outreach } from './providers/outreach.ts';
import { paddle } from './providers/paddle.ts';
import { pagerduty } from './providers/pagerduty.ts';
import { pandadoc } from './providers/pandadoc.ts';
import { paypal } from './providers/paypal.ts';
import { perplexity } from './providers/perplexity.ts';
import { pinecone } from './providers/pinecone.ts';
import { pinterest } from './providers/pinterest.ts';
import { pipedrive } from './providers/pipedrive.ts';
import { plivo } from './providers/plivo.ts';
import { posthog } from './providers/posthog.ts';
import { postmark } from './providers/postmark.ts';
import { procore } from './providers/procore.ts';
import { productboard } from './providers/productboard.ts';
import { quickbooks } from './providers/quickbooks.ts';
import { reddit } from './providers/reddit.ts';
import { replicate } from './providers/replicate.ts';
import { resend } from './providers/resend.ts';
import { ringcentral } from './providers/ringcentral.ts';
import { sage } from './providers/sage.ts';
import { salesforce } from './providers/salesforce.ts';
import { salesloft } from './providers/salesloft.ts';
import { sendgrid } from './providers/sendgrid.ts';
import { sentry } from './providers/sentry.ts';
import { servicenow } from './providers/servicenow.ts';
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
import { surveymonkey } from './providers/surveymonkey.ts';
import { telnyx } from './providers/telnyx.ts';
import { todoist } from './providers/todoist.ts';
import { together } from './providers/together.ts';
import { toggl } from './providers/toggl.ts';
import { twilio } from './providers/twilio.ts';
import { twitch } from './providers/twitch.ts';
import { typeform } from './providers/typeform.ts';
import { vercel } from './providers/vercel.ts';
import { vonage } from './providers/vonage.ts';
import { webex } from './providers/webex.ts';
import { webflow } from './providers/webflow.ts';
import { x } from './providers/x.ts';
import { xero } from './providers/xero.ts';
import { yahoo } from './providers/yahoo.ts';
import { zendesk } from './providers/zendesk.ts';
import { zoho } from './providers/zoho.ts';
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
  attio,
  auth0,
  autodesk,
  bamboohr,
  basecamp,
  bitbucket,
  box,
  brevo,
  brex,
  calcom,
  calendly,
  canva,
  capsule,
  clickup,
  clio,
  clockify,
  close,
  cloudflare,
  cohere,
  constantContact,
  copper,
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
  facebook,
  figma,
  freshbooks,
  freshdesk,
  front,
  gemini,
  github,
  gitlab,
  gong,
  google,
  gorgias,
  groq,
  gusto,
  harvest,
  helpscout,
  heroku,
  honeycomb,
  hubspot,
  huggingface,
  intercom,
  keap,
  klaviyo,
  lemonsqueezy,
  linear,
  linkedin,
  lucid,
  mailchimp,
  mailgun,
  mapbox,
  microsoft,
  miro,
  mistral,
  monday,
  mural,
  neon,
  newrelic,
  notion,
  okta,
  openai,
  outreach,
  paddle,
  pagerduty,
  pandadoc,
  paypal,
  perplexity,
  pinecone,
  pinterest,
  pipedrive,
  plivo,
  posthog,
  postmark,
  procore,
  productboard,
  quickbooks,
  reddit,
  replicate,
  resend,
  ringcentral,
  sage,
  salesforce,
  salesloft,
  sendgrid,
  sentry,
  servicenow,
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
  surveymonkey,
  telnyx,
  todoist,
  together,
  toggl,
  twilio,
  twitch,
  typeform,
  vercel,
  vonage,
  webex,
  webflow,
  x,
  xero,
  yahoo,
  zendesk,
  zoho,
  zoom,
]);
