/**
 * The training module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). No other module uses training: it is a leaf that moves journeys
 * through the supporters module, and server/app.ts registers its routes like every module's.
 */
export {};
