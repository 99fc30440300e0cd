/** The OSC 52 "set clipboard" escape: terminals (and tmux with set-clipboard on) copy the payload to the system clipboard. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
