/**
 * How every surface (tree tooltips, the history page, confirmations,
 * pickers) words the global scope, so that one scope never reads two ways.
 */

/** The global scope as a label: "Global (all functions)". */
export const GLOBAL_SCOPE_LABEL = 'Global (all functions)';

/** What the global scope reaches, for pickers and sentences: "all functions and jobs". */
export const GLOBAL_SCOPE_REACH = 'all functions and jobs';
