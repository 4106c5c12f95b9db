import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { OperatorService } from '../operators/operator-service.ts';

/** Asks for a password on the terminal without echoing it. */
async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = await new Promise<string>((ok) => {
    rl.question(question, ok);
    muted = true;
  });
  rl.close();
  process.stderr.write('\n');
  return answer;
}

/**
 * The new password: prompted twice on a terminal, else the first line of standard input
 * (`printf '%s\n' "$PW" | openpipes admin create alice`). Never from the command line, where
 * it would land in shell history and the process list.
 */
export async function readNewPassword(usage: (m: string) => Error): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden('Password: ');
    if (first !== (await promptHidden('Password again: '))) throw usage('The two passwords differ.');
    return first;
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw usage('Give the password on standard input (one line) or run the command in a terminal.');
  return password;
}

/** `openpipes admin create|set-password USERNAME`: dashboard operator accounts. */
export async function adminCommand(
  sub: string | undefined,
  username: string | undefined,
  password: string,
  ctx: { operators: OperatorService; out: (s: string) => void; usage: (m: string) => Error },
): Promise<void> {
  if (sub === 'list') {
    const rows = await ctx.operators.list();
    ctx.out(rows.length === 0 ? '(none)' : rows.map((o) => `${o.username}  created ${o.created_at}`).join('\n'));
    return;
  }
  if ((sub !== 'create' && sub !== 'set-password') || !username) {
    throw ctx.usage('usage: openpipes admin create USERNAME | set-password USERNAME | list (the password is read from standard input)');
  }
  if (sub === 'create') {
    await ctx.operators.create(username, password);
    ctx.out(`Created operator ${username}. Sign in at /dashboard.`);
  } else {
    await ctx.operators.setPassword(username, password);
    ctx.out(`Changed the password of ${username}; their sessions have ended.`);
  }
}
