/** The one 5xx the API documents: a provider that cannot be reached or keeps failing (docs/security.md). */
const DOCUMENTED_5XX = new Set(['503 provider_unavailable']);

export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

const codeOf = (body: string): unknown => {
  try {
    return (JSON.parse(body) as { code?: unknown })?.code;
  } catch {
    return undefined;
  }
};

/**
 * What is wrong with an answer to a hostile request, or null: an undocumented 5xx, or an error
 * answer that is not JSON with a string `code`. Browser pages (dashboard, authorization flow) may
 * answer an error with an HTML page; HEAD answers carry no body.
 */
export function answerProblem(method: string, answer: Answer, htmlAllowed: boolean): string | null {
  const code = codeOf(answer.body);
  if (answer.status >= 500 && !DOCUMENTED_5XX.has(`${answer.status} ${String(code)}`))
    return `undocumented ${answer.status} (code ${String(code)})`;
  if (answer.status === 0) return 'no HTTP answer';
  if (answer.status < 400 || method === 'HEAD') return null;
  const type = String(answer.headers['content-type'] ?? '');
  if (htmlAllowed && type.startsWith('text/html')) return null;
  if (!type.startsWith('application/json')) return `${answer.status} answered as ${type || 'no content type'}`;
  if (typeof code !== 'string') return `${answer.status} JSON body without a code: ${answer.body.slice(0, 200)}`;
  return null;
}

/** Counts of answers by status class (`2xx`, `4xx`, …) and by exact status. */
export class StatusTally {
  readonly byClass: Record<string, number> = {};
  readonly byStatus: Record<string, number> = {};
  total = 0;

  add(status: number): void {
    this.total++;
    const cls = `${Math.floor(status / 100)}xx`;
    this.byClass[cls] = (this.byClass[cls] ?? 0) + 1;
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
  }

  toString(): string {
    const sorted = (o: Record<string, number>) =>
      Object.entries(o)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');
    return `${this.total} answers; by class ${sorted(this.byClass)}; by status ${sorted(this.byStatus)}`;
  }
}
