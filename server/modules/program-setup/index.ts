/**
 * The program-setup module's public entry: other modules import from here only (docs/architecture.md,
 * "Which module may import which"). No other module uses it: server/app.ts registers its routes.
 */
export {};
