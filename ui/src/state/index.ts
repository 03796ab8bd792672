// The window's state and every action the owner can take, split by concern (core, photos, job, guard,
// redact, post, scan, export, nav, session). Components import from here ('../state') and never from
// backend.ts: only these modules talk to the Rust app. Saves are optimistic and debounced (the owner types
// slowly and must never wait), every failure lands in `error` as a calm message, and removals are undoable.

export * from './ai';
export * from './calendar';
export * from './coach';
export * from './core';
export * from './export';
export * from './guard';
export * from './job';
export * from './lessons';
export * from './library';
export * from './nav';
export * from './photos';
export * from './post';
export * from './redact';
export * from './review';
export * from './scan';
export * from './screens';
export * from './session';
export * from './shop';
export * from './video';
