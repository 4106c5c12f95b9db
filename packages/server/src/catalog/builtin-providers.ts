import type { ProviderEntry } from './provider-definition.ts';
import { aircall } from './providers/aircall.ts';
import { airtable } from './providers/airtable.ts';
import { asana } from './providers/asana.ts';
import { atlassian } from './providers/atlassian.ts';
import { auth0 } from './providers/auth0.ts';
import { basecamp } from './providers/basecamp.ts';
import { bitbucket } from './providers/bitbucket.ts';
import { box } from './providers/box.ts';
import { calcom } from './providers/calcom.ts';
import { calendly } from './providers/calendly.ts';
import { clickup } from './providers/clickup.ts';
import { dialpad } from './providers/dialpad.ts';
import { digitalocean } from './providers/digitalocean.ts';
import { discord } from './providers/discord.ts';
import { dropbox } from './providers/dropbox.ts';
import { figma } from './providers/figma.ts';
import { github } from './providers/github.ts';
import { gitlab } from './providers/gitlab.ts';
import { google } from './providers/google.ts';
import { harvest } from './providers/harvest.ts';
import { heroku } from './providers/heroku.ts';
import { hubspot } from './providers/hubspot.ts';
import { intercom } from './providers/intercom.ts';
import { linear } from './providers/linear.ts';
import { microsoft } from './providers/microsoft.ts';
import { miro } from './providers/miro.ts';
import { monday } from './providers/monday.ts';
import { neon } from './providers/neon.ts';
import { notion } from './providers/notion.ts';
import { okta } from './providers/okta.ts';
import { pagerduty } from './providers/pagerduty.ts';
import { pipedrive } from './providers/pipedrive.ts';
import { productboard } from './providers/productboard.ts';
import { quickbooks } from './providers/quickbooks.ts';
import { ringcentral } from './providers/ringcentral.ts';
import { salesforce } from './providers/salesforce.ts';
import { shopify } from './providers/shopify.ts';
import { slack } from './providers/slack.ts';
import { snowflake } from './providers/snowflake.ts';
import { spotify } from './providers/spotify.ts';
import { strava } from './providers/strava.ts';
import { supabase } from './providers/supabase.ts';
import { todoist } from './providers/todoist.ts';
import { twitch } from './providers/twitch.ts';
import { vercel } from './providers/vercel.ts';
import { webex } from './providers/webex.ts';
import { x } from './providers/x.ts';
import { xero } from './providers/xero.ts';
import { yahoo } from './providers/yahoo.ts';
import { zendesk } from './providers/zendesk.ts';
import { zoom } from './providers/zoom.ts';
/** The providers shipped with OpenPipes, one file each under `./providers/`. Validated and normalized by `ProviderCatalog`. */
export const builtinProviders: readonly ProviderEntry[] = Object.freeze([
  aircall,
  airtable,
  asana,
  atlassian,
  auth0,
  basecamp,
  bitbucket,
  box,
  calcom,
  calendly,
  clickup,
  dialpad,
  digitalocean,
  discord,
  dropbox,
  figma,
  github,
  gitlab,
  google,
  harvest,
  heroku,
  hubspot,
  intercom,
  linear,
  microsoft,
  miro,
  monday,
  neon,
  notion,
  okta,
  pagerduty,
  pipedrive,
  productboard,
  quickbooks,
  ringcentral,
  salesforce,
  shopify,
  slack,
  snowflake,
  spotify,
  strava,
  supabase,
  todoist,
  twitch,
  vercel,
  webex,
  x,
  xero,
  yahoo,
  zendesk,
  zoom,
]);
