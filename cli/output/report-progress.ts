export interface Progress {
  loaded: number;
  pages: number;
  done: boolean;
}

/**
 * Progress of a long listing, on stderr only (stdout carries the data). On a terminal it is one
 * line rewritten in place; otherwise (cron, pipes, CI) one line per page. A listing that fits in
 * one page prints nothing.
 */
export function reportProgress(
  noun: string,
  stream: NodeJS.WriteStream = process.stderr,
): (p: Progress) => void {
  let shown = false;
  return ({ loaded, pages, done }) => {
    if (done && !shown && pages <= 1) return;
    shown = true;
    const text = `${done ? 'Loaded' : 'Loading…'} ${loaded} ${noun} (${pages} ${pages === 1 ? 'page' : 'pages'})`;
    if (stream.isTTY) stream.write(`\r${text}${done ? '\n' : ''}`);
    else stream.write(`${text}\n`);
  };
}
