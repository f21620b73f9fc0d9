/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 that answers every request with
 * complete headers and then drips its body one byte per `intervalMs` for ever,
 * except the paths in `prompt`, which get a whole JSON answer at once on the
 * same keep-alive connection. It records
 * every connection, which request came on which, and when the client closed
 * it, so tests can see whether a connection was discarded or reused.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** One TCP connection as the server saw it. */
export interface DripConnection {
  /** Request targets in the order they arrived on this connection. */
  readonly targets: string[];
  /** True once the client ended or destroyed it. */
  closed: boolean;
}

export interface DripOptions {
  intervalMs: number;
  /** Paths answered at once with this JSON body. */
  prompt?: Record<string, unknown>;
}

const DRIP_HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n';

/** A running dripping server; `stop()` ends every connection. */
export class DrippingServer {
  readonly connections: DripConnection[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: DripOptions): Promise<DrippingServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dripping = new DrippingServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('connection', (socket) => dripping.serve(socket, options));
    return dripping;
  }

  /** The connection that carried the request for `target` (path and query). */
  connectionOf(target: string): DripConnection | undefined {
    return this.connections.find((connection) => connection.targets.includes(target));
  }

  stop(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket, options: DripOptions): void {
    const connection: DripConnection = { targets: [], closed: false };
    this.connections.push(connection);
    this.sockets.add(socket);
    let timer: NodeJS.Timeout | undefined;
    let pending = '';
    socket.on('close', () => {
      connection.closed = true;
      clearInterval(timer);
      this.sockets.delete(socket);
    });
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      // The client sends bodiless GETs here: each request ends at its blank line.
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const target = pending.slice(0, end).split(' ')[1] ?? '';
        pending = pending.slice(end + 4);
        connection.targets.push(target);
        const answer = options.prompt?.[target.split('?')[0] ?? ''];
        if (answer !== undefined) {
          const text = JSON.stringify(answer);
          socket.write(
            `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
          );
          continue;
        }
        socket.write(DRIP_HEAD);
        timer = setInterval(() => socket.write(' '), options.intervalMs);
      }
    });
  }
}
