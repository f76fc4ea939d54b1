/** Every table of Callboard's database; drizzle-kit reads this file (drizzle.config.ts). */
export * from "./api-tokens";
export * from "./audit";
export * from "./auth";
export * from "./call-store";
export * from "./call-quarter";
export * from "./review";
export * from "./callbacks";
export * from "./views";
