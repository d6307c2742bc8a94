import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Gateway } from './app/gateway.js';

export type RunningServer = { server: Server; url: string; close(): Promise<void> };

export async function listen(
  gateway: Gateway,
  options: { host: string; port: number; log: Logger; shutdownTimeoutMs: number },
): Promise<RunningServer> {
  // While shutting down, keep-alive clients would otherwise go on sending requests on their open
  // sockets and the server would never drain (the load test found it running into the timeout and
  // then cutting requests off): every answer from then on closes its connection, and a connection
  // that becomes idle is closed at once.
  let draining = false;
  const active = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    active.add(response);
    if (draining) response.setHeader('connection', 'close');
    response.once('close', () => {
      active.delete(response);
      if (draining) server.closeIdleConnections();
    });
    void gateway(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  let closing: Promise<void> | undefined;
  const close = () => {
    // Stop accepting, let in-flight requests finish, then drop idle keep-alive sockets.
    draining = true;
    for (const response of active) if (!response.headersSent) response.setHeader('connection', 'close');
    closing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        options.log.warn('shutdown timeout reached; closing remaining connections');
        server.closeAllConnections();
      }, options.shutdownTimeoutMs);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { server, url: `http://${shownHost}:${port}/graphql`, close };
}
