/** The auth feature's entry for other features (two-step sign-in on My account). */
export { refreshSecondFactorStatus, useNewRecoveryCodes, useRemoveSecondFactor, useSecondFactorStatus } from './api/second-factor.ts';
export { AuthenticatorSetup } from './components/authenticator-setup.tsx';
export { RecoveryCodes } from './components/recovery-codes.tsx';
