import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Gateway } from './gateway.js';

export type RunningServer = { server: Server; url: string; close(): Promise<void> };

export async function listen(
  gateway: Gateway,
  options: { host: string; port: number; log: Logger; shutdownTimeoutMs: number },
): Promise<RunningServer> {
  const server = createServer(gateway);
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
