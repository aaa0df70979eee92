/** Where a command writes: injectable so tests can capture output without spawning a process. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

export function println(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(text + '\n');
}
