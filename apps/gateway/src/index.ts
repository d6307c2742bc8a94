export { ConfigError, type GatewayConfig, loadConfig } from './config.js';
export type { GraphQLContext } from './context.js';
export { createGateway, type Gateway } from './gateway.js';
export { generateApiKey, type Identity, issueAccessToken } from './identity.js';
export { schema } from './schema/index.js';
export { listen } from './server.js';
