/** Reads all of standard input as text (for `--password-stdin`); fails when stdin is a terminal. */
export async function readStdin(what: string): Promise<string> {
  if (process.stdin.isTTY)
    throw new Error(`${what}: pipe it on standard input, e.g. echo "$PASSWORD" | hindsight …`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
