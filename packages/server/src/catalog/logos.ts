import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Provider logos: the brand icon from the `simple-icons` package (CC0) for entries that name one,
 * else a generated monogram. Icons are read from the package one file at a time, on first use, and
 * cached: the catalog's few dozen icons are in memory, never the package's 3,000.
 */

const requireFromHere = createRequire(import.meta.url);
const HEX = /^[0-9A-Fa-f]{6}$/;
const ICON_SLUG = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

/** The package's metadata, read once when a colour is first needed, reduced to slug → hex. */
let colours: ReadonlyMap<string, string> | null = null;
function brandColour(slug: string): string | null {
  if (colours === null) {
    const data = JSON.parse(readFileSync(requireFromHere.resolve('simple-icons/icons.json'), 'utf8')) as { slug: string; hex: string }[];
    colours = new Map(data.filter((icon) => HEX.test(icon.hex)).map((icon) => [icon.slug, icon.hex.toUpperCase()]));
  }
  return colours.get(slug) ?? null;
}

/**
 * The simple-icons SVG for `slug` with its brand colour as fill, or `null` when the installed package
 * has no such icon. The file is checked to be a lone `<svg>` element without scripts or event
 * handlers before it is served (it comes from the package, but it is served as a document).
 */
export function simpleIconSvg(slug: string): string | null {
  if (!ICON_SLUG.test(slug)) return null;
  let svg: string;
  try {
    svg = readFileSync(requireFromHere.resolve(`simple-icons/icons/${slug}.svg`), 'utf8').trim();
  } catch {
    return null;
  }
  if (!svg.startsWith('<svg ') || !svg.endsWith('</svg>') || /<script|<foreignObject|\son[a-z]+\s*=|javascript:|href=/i.test(svg))
    return null;
  const hex = brandColour(slug);
  return hex === null ? svg : svg.replace('<svg ', `<svg fill="#${hex}" `);
}

/** Whether the installed `simple-icons` has an icon named `slug`. */
export const hasSimpleIcon = (slug: string): boolean => ICON_SLUG.test(slug) && simpleIconSvg(slug) !== null;

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** Muted backgrounds with white text legible on each; picked by the slug so a provider keeps its colour. */
const MONOGRAM_BACKGROUNDS = ['#4B5563', '#1F6F8B', '#6B4E9B', '#2F6B3F', '#8B4A2F', '#3F4F8B', '#7A3E5C', '#5A5A2E'];

/**
 * A neutral square with the first letter or digit of `name`: the logo of a provider without an icon.
 *
 * @example
 * monogramSvg('Pipedrive', 'pipedrive'); // '<svg … ><title>Pipedrive</title>…>P</text></svg>'
 */
export function monogramSvg(name: string, slug: string): string {
  const letter = ([...name].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? '?').toUpperCase();
  let hash = 0;
  for (const c of slug) hash = (hash * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
  const background = MONOGRAM_BACKGROUNDS[hash % MONOGRAM_BACKGROUNDS.length];
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" role="img">',
    `<title>${escapeXml(name)}</title>`,
    `<rect width="24" height="24" rx="5" fill="${background}"/>`,
    '<text x="12" y="16.5" text-anchor="middle" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" ',
    `font-size="13" font-weight="600" fill="#FFFFFF">${escapeXml(letter)}</text></svg>`,
  ].join('');
}

const cache = new Map<string, string>();

/** The logo of a catalog provider as SVG text: its simple-icons icon when it names one that exists, else a monogram. */
export function providerLogoSvg(provider: { slug: string; name: string; logo: string | null }): string {
  const key = `${provider.slug}\u0000${provider.logo ?? ''}`;
  let svg = cache.get(key);
  if (svg === undefined) {
    svg = (provider.logo === null ? null : simpleIconSvg(provider.logo)) ?? monogramSvg(provider.name, provider.slug);
    cache.set(key, svg);
  }
  return svg;
}

/** The path OpenPipes serves a catalog provider's logo at (`http/routes/catalog-logo.ts`). */
export const logoPath = (slug: string): string => `/catalog/providers/${encodeURIComponent(slug)}/logo.svg`;
