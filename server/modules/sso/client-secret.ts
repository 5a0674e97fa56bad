/**
 * The client secret lives in the server's environment, under a name the IT administrator chose
 * (docs/decisions/012-single-sign-on.md): Peerline's database never holds it, so a database copy or
 * a settings screen cannot leak it. Rotating it means changing the variable and restarting.
 */
export function clientSecretFromEnv(name: string): string | undefined {
  const value = process.env[name];
  return value && value.length > 0 ? value : undefined;
}
