/**
 * A one-line progress bar on a terminal (`table  [#####-----]  1200/5000`), redrawn in place;
 * on anything else (a log file, a pipe) one line per table when it is done, so logs stay readable.
 */
export function progressBar(stream: NodeJS.WriteStream): { update(label: string, done: number, total: number): void; end(): void } {
  const width = 30;
  let current: { label: string; done: number; total: number } | null = null;
  const line = ({ label, done, total }: NonNullable<typeof current>) => {
    const filled = total === 0 ? width : Math.min(width, Math.round((done / total) * width));
    return `${label.padEnd(20)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
  };
  const flush = () => {
    if (current && !stream.isTTY) stream.write(`${line(current)}\n`);
  };
  return {
    update(label, done, total) {
      if (current && current.label !== label) {
        if (stream.isTTY) stream.write('\n');
        else flush();
      }
      current = { label, done, total };
      if (stream.isTTY) stream.write(`\r${line(current)}`);
    },
    end() {
      if (stream.isTTY) {
        if (current) stream.write('\n');
      } else flush();
      current = null;
    },
  };
}
