export { ConfigError, type GatewayConfig, loadConfig } from './app/config.js';
export type { GraphQLContext } from './app/context.js';
export { createGateway, type Gateway } from './app/gateway.js';
export { schema } from './graphql/schema.js';
export { generateApiKey, type Identity, issueAccessToken } from './modules/accounts/identity.js';
export { listen } from './server.js';
