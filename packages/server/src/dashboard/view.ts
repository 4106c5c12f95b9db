import { Eta } from 'eta';
import type { FastifyReply } from 'fastify';
import { STYLESHEETS } from './assets.ts';
import { TEMPLATES, type TemplateName } from './templates/index.ts';

/** An error shown above a form or alone on a page. */
export interface Problem {
  title: string;
  message: string;
  /** One line per field at fault, e.g. "Client secret: required". */
  fields: string[];
}

/** What every page's layout needs besides the page's own data. */
export interface PageFrame {
  title: string;
  /** The signed-in operator and the CSRF token of their forms; null on the sign-in page. */
  operator: { username: string; csrfToken: string } | null;
  /** The main navigation item to mark as current. */
  section?: 'overview' | 'environments';
  notice?: string | null;
  problem?: Problem | null;
}

// Raw output (`<%~`) is allowed only for a layout's body and for includes: every other value a
// template prints is escaped. Checked when the templates load, so a slip fails at start-up.
const RAW_OUTPUT = /<%~(?!\s*(?:it\.body\s*%>|include\())/;

// A missing value prints as nothing (a form shown again has only the fields that were posted).
const eta = new Eta({
  autoEscape: true,
  autoFilter: true,
  filterFunction: (value: unknown) => (value === null || value === undefined ? '' : String(value)),
  useWith: false,
  varName: 'it',
  cache: true,
});
for (const [name, source] of Object.entries(TEMPLATES)) {
  if (RAW_OUTPUT.test(source)) throw new Error(`dashboard template @${name} prints a value unescaped`);
  eta.loadTemplate(`@${name}`, source);
}

/** Renders a page template into its layout and sends it (status 200 unless told). */
export function sendPage<T extends object>(reply: FastifyReply, template: TemplateName, data: PageFrame & T, status = 200): FastifyReply {
  const html = eta.render(`@${template}`, { notice: null, problem: null, section: null, ...data, stylesheets: STYLESHEETS });
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
