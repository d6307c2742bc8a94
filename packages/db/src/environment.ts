// Which mode a process runs in. Fail closed: only NODE_ENV `development` or `test` is development
// mode (demo accounts, the password-free dev login, GraphiQL); anything else — unset in a deployed
// build, `staging`, a typo — behaves as production.

/** The NODE_ENV values that mean development mode; every other value (or none) is production. */
export const DEVELOPMENT_NODE_ENVS: readonly string[] = ['development', 'test'];

/** True only when `nodeEnv` is exactly `development` or `test` (issue 15, kind 9). */
export function isDevelopmentMode(nodeEnv: string | undefined): boolean {
  return nodeEnv !== undefined && DEVELOPMENT_NODE_ENVS.includes(nodeEnv);
}
