// Type-only module: import '@handles/client/augment' for the TypeScript augmentation of @polkadot/api.
export {};
