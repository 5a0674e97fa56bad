/**
 * `npm run demo-code`: prints the current six-digit code for the demo accounts that sign in in two
 * steps (director, administrator, IT administrator), so the demo can be tried without setting up an
 * authenticator app. The secret is the demo's published one (server/demo/seed-demo.ts); no real
 * organisation has it.
 */
import { generate } from 'otplib';
import { DEMO_TOTP_SECRET } from '../demo/seed-demo.ts';

const now = Date.now();
const code = await generate({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(now / 1000) });
const secondsLeft = 30 - (Math.floor(now / 1000) % 30);
console.log(`${code}  (valid for about ${secondsLeft} more seconds; a code is accepted once)`);
