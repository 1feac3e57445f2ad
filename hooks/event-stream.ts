/**
 * A reader for `text/event-stream` bodies. EventSource would do the parsing, but it hides the HTTP status
 * (a 404 for an expired job looks like a dropped connection) and cannot be cancelled with an AbortSignal.
 */

export interface ServerSentEvent {
  /** The `event:` field; "message" when the server sent none. */
  event: string;
  /** The `data:` lines, joined with newlines. */
  data: string;
}

/** Yields each event once its blank line arrives; chunks may split a line or even a UTF-8 character. */
export async function* readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  // TypeScript's DOM types say TextDecoderStream writes BufferSource, which Uint8Array is; the cast says so.
  const decoder = new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>;
  const reader = body.pipeThrough(decoder).getReader();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const lines = buffer.split(/\r?\n/);
      // The last piece has no line ending yet: keep it for the next chunk.
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) yield { event, data: data.join('\n') };
          event = 'message';
          data = [];
          continue;
        }
        const colon = line.indexOf(':');
        // A line starting with ':' is a comment (servers send them as keep-alives).
        if (colon === 0) continue;
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? '' : line.slice(colon + 1);
        const text = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
    }
  } finally {
    // Also runs when the consumer stops early: close the connection rather than leave it streaming.
    await reader.cancel().catch(() => undefined);
  }
}
