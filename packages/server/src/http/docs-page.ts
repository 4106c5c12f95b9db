/** A readable, self-contained API reference rendered from the OpenAPI document (no third-party assets). */
type Json = Record<string, unknown>;

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Component schemas by name, for `$ref`s (the document's reusable schemas). */
type Components = Record<string, unknown>;

function schemaSummary(schema: unknown, defs: Components, depth = 0): string {
  if (!schema || typeof schema !== 'object' || depth > 3) return '';
  const ref = (schema as Json).$ref;
  const s = (typeof ref === 'string' ? defs[ref.replace('#/components/schemas/', '')] : schema) as Json;
  if (!s) return '';
  if (Array.isArray(s.anyOf)) return (s.anyOf as unknown[]).map((x) => schemaSummary(x, defs, depth)).join(' | ');
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in s) return JSON.stringify(s.const);
  if (s.type === 'array') return `${schemaSummary(s.items, defs, depth)}[]`;
  if (s.type === 'object' && s.properties) {
    const req = new Set((s.required as string[] | undefined) ?? []);
    const rows = Object.entries(s.properties as Record<string, unknown>).map(
      ([k, v]) =>
        `<li><code>${esc(k)}</code>${req.has(k) ? '' : '?'}: ${schemaSummary(v, defs, depth + 1)}${(v as Json).description ? ` — ${esc(String((v as Json).description))}` : ''}</li>`,
    );
    return `object<ul>${rows.join('')}</ul>`;
  }
  if (s.type === 'object') return 'object';
  return esc(String(s.type ?? 'any'));
}

export function renderDocsPage(doc: Json): string {
  const info = doc.info as Json;
  const defs = ((doc.components as Json | undefined)?.schemas ?? {}) as Components;
  const sections: string[] = [];
  for (const [path, methods] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = ((op.parameters as Json[] | undefined) ?? [])
        .map(
          (p) =>
            `<li><code>${esc(String(p.name))}</code> (${esc(String(p.in))}${p.required ? ', required' : ''}): ${schemaSummary(p.schema, defs)}</li>`,
        )
        .join('');
      const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      const bodySchema = body ? Object.values(body)[0]?.schema : undefined;
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>)
        .map(([code, r]) => `<li><b>${esc(code)}</b> ${esc(String(r.description ?? ''))}</li>`)
        .join('');
      sections.push(`<section><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p>${esc(String(op.summary ?? ''))}</p>${op.description ? `<p>${esc(String(op.description))}</p>` : ''}
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}${bodySchema ? `<h4>Body</h4>${schemaSummary(bodySchema, defs)}` : ''}
<h4>Responses</h4><ul>${responses}</ul></section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(String(info.title))} API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2330}
section{border-top:1px solid #dde;padding:.5rem 0}code{background:#f3f4f8;padding:0 .25rem;border-radius:3px}
.m{font:bold 12px monospace;padding:2px 6px;border-radius:3px;color:#fff;background:#567}.get{background:#2a7}.post{background:#27c}.put{background:#c80}.delete{background:#c33}
h3{margin:.5rem 0}h4{margin:.5rem 0 .2rem}</style></head>
<body><h1>${esc(String(info.title))} API reference</h1><p>${esc(String(info.description ?? ''))}</p>
<p>Authenticate every request with <code>Authorization: Bearer sk_…</code>. Errors are JSON: <code>{"code", "message", "errors"?}</code>. The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.</p>
${sections.join('\n')}</body></html>`;
}
