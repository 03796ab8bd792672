// The window's state and every action the owner can take, split by concern (core, photos, job, guard,
// redact, post, scan, export, nav, session). Components import from here ('../state') and never from
// backend.ts: only these modules talk to the Rust app. Saves are optimistic and debounced (the owner types
// slowly and must never wait), every failure lands in `error` as a calm message, and removals are undoable.
export * from './core';
export * from './photos';
export * from './job';
export * from './guard';
export * from './redact';
export * from './post';
export * from './scan';
export * from './export';
export * from './video';
export * from './coach';
export * from './ai';
export * from './nav';
export * from './session';
export * from './shop';
export * from './calendar';
export * from './screens';
