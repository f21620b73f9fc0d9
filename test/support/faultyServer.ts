/**
 * A deliberately misbehaving HTTP server on 127.0.0.1 (port 0) for fault
 * tests over real sockets: each request is handed, with its body read, to a
 * script that may answer well, answer badly, cut the connection or never
 * answer. `stop()` ends every connection, so no test hangs on it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** `Date.now()` when the request was complete. */
  receivedAt: number;
  /** The client's port: equal ports mean one reused keep-alive connection. */
  remotePort: number | undefined;
}

/** Decides what happens to one request; it may leave `response` unanswered. */
export type FaultScript = (request: ReceivedRequest, response: ServerResponse) => void;

/** A running misbehaving server. */
export class FaultyServer {
  readonly requests: ReceivedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts a server that runs `script` for every request. */
  static async start(script: FaultScript): Promise<FaultyServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const faulty = new FaultyServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received: ReceivedRequest = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
          remotePort: request.socket.remotePort,
        };
        faulty.requests.push(received);
        script(received, response);
      });
    });
    return faulty;
  }

  /** The requests with this method whose path (without query) is `path`. */
  received(method: string, path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.method === method && r.url.split('?')[0] === path);
  }

  /** Closes the listener and every open connection, answered or not. */
  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** The URL of a port where nothing listens (it was bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Building blocks for scripts. */
export const answers = {
  /** A well-formed JSON answer. */
  json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    response.end(text);
  },
  /** A body of another type, e.g. the HTML error page of a proxy. */
  text(response: ServerResponse, status: number, contentType: string, text: string): void {
    response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
    response.end(text);
  },
  /** Sends the headers and part of the body, then destroys the connection. */
  resetMidResponse(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
    response.write('{"id":"', () => response.socket?.destroy());
  },
  /** Never answers; the connection stays open until the client gives up or the server stops. */
  never(): void {},
};
