/** The write flow as App mounts it: the session hook, the body panel and the footer. */
export { useWriteSession, type WriteSession } from './useWriteSession.js';
export { WritePanel } from './WritePanel.js';
export { WriteFooter } from './WriteFooter.js';
export { ModeBadge } from './ModeBadge.js';
export type { WriteBackend } from './types.js';
