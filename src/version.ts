/** erscope's version, stamped on snapshots and reports; kept in step with package.json by a test. */
export const ERSCOPE_VERSION = '0.1.0';
