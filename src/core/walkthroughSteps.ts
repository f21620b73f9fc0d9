/**
 * Fully qualified ids of the Get Started walkthrough's steps, as VS Code
 * knows them: `<publisher>.<name>#<walkthrough id>#<step id>` of package.json.
 */
export const CONNECT_STEP_ID = 'fluxbase-secrets.fluxbase-secrets#gettingStarted#connect';
