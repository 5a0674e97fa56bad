/**
 * Authentication method references (RFC 8176) that mean the provider checked more than a password:
 * `mfa` (multiple factors), and the second factors themselves — `otp` (one-time code, TOTP or an
 * authenticator app), `hwk` (hardware key: FIDO2, smart card), `swk` (software-protected key),
 * `sms`, `tel` (phone call), `fpt`, `face`, `iris`, `vbm`, `retina` (biometrics, which providers
 * use only as a second factor or with a device key). `pwd`, `kba` (security questions), `pin` alone
 * and `user` are not a second factor, nor is anything unknown (docs/decisions/012-single-sign-on.md).
 */
export const SECOND_FACTOR_AMR = ['mfa', 'otp', 'hwk', 'swk', 'sms', 'tel', 'fpt', 'face', 'iris', 'vbm', 'retina'] as const;

export function providerCheckedSecondFactor(trustProviderMfa: boolean, amr: readonly string[]): boolean {
  return trustProviderMfa && amr.some((method) => (SECOND_FACTOR_AMR as readonly string[]).includes(method));
}
